using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ErasedExportFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ErasedExportFiles",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ErasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedExportFiles", x => x.Sha256);
                });

            // The erasure list is append-only; a kept PDF may be deleted only once it is on the list (retention).
            migrationBuilder.Sql("""
                CREATE TRIGGER "ErasedExportFiles_NoUpdate" BEFORE UPDATE ON "ErasedExportFiles" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                CREATE TRIGGER "ErasedExportFiles_NoDelete" BEFORE DELETE ON "ErasedExportFiles" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                CREATE TRIGGER "ErasedExportFiles_NoTruncate" BEFORE TRUNCATE ON "ErasedExportFiles" FOR EACH STATEMENT EXECUTE FUNCTION medinfo_refuse_audit_change();
                CREATE FUNCTION medinfo_refuse_unerased_file_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM "ErasedExportFiles" WHERE "Sha256" = OLD."Sha256") THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION '% is an append-only audit table: rows cannot be deleted', TG_TABLE_NAME;
                END
                $$;
                DROP TRIGGER "ExportFiles_NoDelete" ON "ExportFiles";
                CREATE TRIGGER "ExportFiles_NoDelete" BEFORE DELETE ON "ExportFiles" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_unerased_file_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ExportFiles_NoDelete" ON "ExportFiles";
                CREATE TRIGGER "ExportFiles_NoDelete" BEFORE DELETE ON "ExportFiles" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                DROP FUNCTION IF EXISTS medinfo_refuse_unerased_file_delete();
                DROP TRIGGER IF EXISTS "ErasedExportFiles_NoUpdate" ON "ErasedExportFiles";
                DROP TRIGGER IF EXISTS "ErasedExportFiles_NoDelete" ON "ErasedExportFiles";
                DROP TRIGGER IF EXISTS "ErasedExportFiles_NoTruncate" ON "ErasedExportFiles";
                """);
            migrationBuilder.DropTable(
                name: "ErasedExportFiles");
        }
    }
}
