using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LetterFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FigureFiles",
                table: "LetterVersions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FigureImages",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureImages", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "LetterVersionFigures",
                columns: table => new
                {
                    LetterVersionId = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterVersionFigures", x => new { x.LetterVersionId, x.Sha256 });
                    table.ForeignKey(
                        name: "FK_LetterVersionFigures_FigureImages_Sha256",
                        column: x => x.Sha256,
                        principalTable: "FigureImages",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterVersionFigures_LetterVersions_LetterVersionId",
                        column: x => x.LetterVersionId,
                        principalTable: "LetterVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterVersionFigures_Sha256",
                table: "LetterVersionFigures",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterVersionFigures");

            migrationBuilder.DropTable(
                name: "FigureImages");

            migrationBuilder.DropColumn(
                name: "FigureFiles",
                table: "LetterVersions");
        }
    }
}
