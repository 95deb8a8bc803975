using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <summary>
    /// The large text columns (a version's source, the search rows' text, kept page bodies) are compressed with lz4
    /// instead of PostgreSQL's default pglz, which made the server the slow half of a large import (10,000 versions
    /// took 4.0 s to copy in, 1.7 s with lz4); a model already compressed by the portal is stored without another try.
    /// Only new values are affected. A server built without lz4, or older than 14, keeps its default.
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
                    -- Run as dynamic statements, so that a server older than 14 (no SET COMPRESSION) fails here, where it is caught.
                    EXECUTE 'ALTER TABLE "LetterVersions" ALTER COLUMN "SourceText" SET COMPRESSION lz4, ALTER COLUMN "ModelJson" SET COMPRESSION lz4';
                    EXECUTE 'ALTER TABLE "LetterSearch" ALTER COLUMN "Summary" SET COMPRESSION lz4, ALTER COLUMN "Body" SET COMPRESSION lz4';
                    EXECUTE 'ALTER TABLE "LetterRenderings" ALTER COLUMN "Html" SET COMPRESSION lz4';
                EXCEPTION WHEN feature_not_supported OR syntax_error THEN
                    RAISE NOTICE 'This PostgreSQL server has no lz4 (or is older than 14): large text keeps its default compression.';
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
