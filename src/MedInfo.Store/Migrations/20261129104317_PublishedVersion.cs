using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
{
    /// <inheritdoc />
    public partial class PublishedVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PublishedVersionId",
                table: "Letters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_PublishedVersionId",
                table: "Letters",
                column: "PublishedVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Letters_LetterVersions_PublishedVersionId",
                table: "Letters",
                column: "PublishedVersionId",
                principalTable: "LetterVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Readers see the newest published version of each letter: fill the pointer for the letters already stored.
            migrationBuilder.Sql("""
                UPDATE "Letters" SET "PublishedVersionId" = (
                    SELECT v."Id" FROM "LetterVersions" v
                    WHERE v."LetterId" = "Letters"."Id" AND v."Status" = 'published'
                    ORDER BY v."Number" DESC LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Letters_LetterVersions_PublishedVersionId",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_Letters_PublishedVersionId",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "PublishedVersionId",
                table: "Letters");
        }
    }
}
