using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
{
    /// <inheritdoc />
    public partial class SearchSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchSynonyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Forms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchSynonyms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchSynonyms_LetterVersions_LetterVersionId",
                        column: x => x.LetterVersionId,
                        principalTable: "LetterVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchSynonyms_LetterVersionId",
                table: "SearchSynonyms",
                column: "LetterVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchSynonyms");
        }
    }
}
