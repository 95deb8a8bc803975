using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PlainSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search rows become a plain table: each portal's Lucene index does the searching, so the server no
            // longer builds a tsvector and its GIN entries for every body at import.
            migrationBuilder.Sql(
                """
                DROP INDEX "IX_LetterSearch_Document";
                ALTER TABLE "LetterSearch" DROP COLUMN "Document";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE "LetterSearch" ADD "Document" tsvector NOT NULL DEFAULT ''::tsvector;
                UPDATE "LetterSearch" SET "Document" =
                    setweight(to_tsvector('simple', lower("Title")), 'A') || setweight(to_tsvector('simple', lower("Products")), 'A') ||
                    setweight(to_tsvector('simple', lower("Keywords")), 'B') || setweight(to_tsvector('simple', lower("Summary")), 'C') ||
                    setweight(to_tsvector('simple', lower("Body")), 'D');
                ALTER TABLE "LetterSearch" ALTER COLUMN "Document" DROP DEFAULT;
                CREATE INDEX "IX_LetterSearch_Document" ON "LetterSearch" USING GIN ("Document");
                """);
        }
    }
}
