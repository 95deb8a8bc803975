using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
{
    /// <inheritdoc />
    public partial class PlainSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search rows become a plain table: each portal's Lucene index does the searching, so FTS5 no longer
            // tokenises every body at import. The rows are kept (rowid was the version id).
            migrationBuilder.Sql(
                """
                CREATE TABLE "LetterSearchRows" (
                    "VersionId" INTEGER NOT NULL CONSTRAINT "PK_LetterSearch" PRIMARY KEY,
                    "LetterId" TEXT NOT NULL,
                    "Title" TEXT NOT NULL,
                    "Products" TEXT NOT NULL,
                    "Summary" TEXT NOT NULL,
                    "Body" TEXT NOT NULL,
                    "Keywords" TEXT NOT NULL);
                INSERT INTO "LetterSearchRows" ("VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords")
                    SELECT rowid, LetterId, Title, Products, Summary, Body, Keywords FROM LetterSearch;
                DROP TABLE LetterSearch;
                ALTER TABLE "LetterSearchRows" RENAME TO "LetterSearch";
                CREATE INDEX "IX_LetterSearch_LetterId" ON "LetterSearch" ("LetterId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE LetterSearchFts USING fts5(LetterId UNINDEXED, Title, Products, Summary, Body, Keywords, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO LetterSearchFts (rowid, LetterId, Title, Products, Summary, Body, Keywords)
                    SELECT "VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords" FROM "LetterSearch";
                DROP TABLE "LetterSearch";
                ALTER TABLE LetterSearchFts RENAME TO LetterSearch;
                """);
        }
    }
}
