using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <summary>
    /// The large text columns (a version's source, the search rows' text, kept page bodies) are compressed with lz4
    /// instead of PostgreSQL's default pglz, which made the server the slow half of a large import (10,000 versions
    /// took 4.0 s to copy in, 1.7 s with lz4); a model already compressed by the portal is stored without another try.
    /// Only new values are affected. A server built without lz4 keeps its default.
    /// </summary>
    public partial class ColumnCompression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "LetterVersions" ALTER COLUMN "CompressedModel" SET STORAGE EXTERNAL;""");
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    ALTER TABLE "LetterVersions" ALTER COLUMN "SourceText" SET COMPRESSION lz4, ALTER COLUMN "ModelJson" SET COMPRESSION lz4;
                    ALTER TABLE "LetterSearch" ALTER COLUMN "Summary" SET COMPRESSION lz4, ALTER COLUMN "Body" SET COMPRESSION lz4;
                    ALTER TABLE "LetterRenderings" ALTER COLUMN "Html" SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'This PostgreSQL server has no lz4: large text columns keep its default compression.';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "LetterVersions" ALTER COLUMN "CompressedModel" SET STORAGE EXTENDED;""");
            migrationBuilder.Sql(
                """
                ALTER TABLE "LetterVersions" ALTER COLUMN "SourceText" SET COMPRESSION DEFAULT, ALTER COLUMN "ModelJson" SET COMPRESSION DEFAULT;
                ALTER TABLE "LetterSearch" ALTER COLUMN "Summary" SET COMPRESSION DEFAULT, ALTER COLUMN "Body" SET COMPRESSION DEFAULT;
                ALTER TABLE "LetterRenderings" ALTER COLUMN "Html" SET COMPRESSION DEFAULT;
                """);
        }
    }
}
