using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
{
    /// <inheritdoc />
    public partial class LetterRenderings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LetterRenderings",
                columns: table => new
                {
                    LetterVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Renderer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterRenderings", x => new { x.LetterVersionId, x.Page, x.Renderer });
                    table.ForeignKey(
                        name: "FK_LetterRenderings_LetterVersions_LetterVersionId",
                        column: x => x.LetterVersionId,
                        principalTable: "LetterVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterRenderings");
        }
    }
}
