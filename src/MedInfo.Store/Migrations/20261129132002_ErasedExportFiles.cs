using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
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
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ErasedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedExportFiles", x => x.Sha256);
                });

            // The erasure list is append-only; a kept PDF may be deleted only once it is on the list (retention).
            migrationBuilder.Sql("CREATE TRIGGER ErasedExportFiles_NoUpdate BEFORE UPDATE ON ErasedExportFiles BEGIN SELECT RAISE(ABORT, 'ErasedExportFiles is an append-only audit table: rows cannot be changed'); END;");
            migrationBuilder.Sql("CREATE TRIGGER ErasedExportFiles_NoDelete BEFORE DELETE ON ErasedExportFiles BEGIN SELECT RAISE(ABORT, 'ErasedExportFiles is an append-only audit table: rows cannot be deleted'); END;");
            migrationBuilder.Sql("DROP TRIGGER ExportFiles_NoDelete;");
            migrationBuilder.Sql("CREATE TRIGGER ExportFiles_NoDelete BEFORE DELETE ON ExportFiles WHEN NOT EXISTS (SELECT 1 FROM ErasedExportFiles WHERE Sha256 = OLD.Sha256) BEGIN SELECT RAISE(ABORT, 'ExportFiles is an append-only audit table: rows cannot be deleted'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER ExportFiles_NoDelete;");
            migrationBuilder.Sql("CREATE TRIGGER ExportFiles_NoDelete BEFORE DELETE ON ExportFiles BEGIN SELECT RAISE(ABORT, 'ExportFiles is an append-only audit table: rows cannot be deleted'); END;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ErasedExportFiles_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ErasedExportFiles_NoDelete;");
            migrationBuilder.DropTable(
                name: "ErasedExportFiles");
        }
    }
}
