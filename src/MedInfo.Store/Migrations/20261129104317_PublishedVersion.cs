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
            // SQLite adds a column with its foreign key in place (EF Core's AddForeignKey would rebuild the table, with
            // warnings on every first start); the model snapshot knows the key as usual.
            migrationBuilder.Sql("""ALTER TABLE "Letters" ADD COLUMN "PublishedVersionId" INTEGER NULL REFERENCES "LetterVersions" ("Id") ON DELETE RESTRICT;""");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_PublishedVersionId",
                table: "Letters",
                column: "PublishedVersionId");

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
