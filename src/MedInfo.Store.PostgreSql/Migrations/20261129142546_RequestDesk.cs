using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RequestDesk : Migration
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

            migrationBuilder.CreateTable(
                name: "LetterViews",
                columns: table => new
                {
                    LetterId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterViews", x => new { x.LetterId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    RequestNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    PersonalDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Requester = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Priority = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AdverseEvent = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ProductComplaint = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OffLabel = table.Column<bool>(type: "boolean", nullable: false),
                    PharmacovigilanceDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForwardedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForwardedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ForwardedReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Lane = table.Column<int>(type: "integer", nullable: false),
                    QueueDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedMonth = table.Column<int>(type: "integer", nullable: false),
                    MinutesToAnswer = table.Column<int>(type: "integer", nullable: true),
                    AnsweredInTime = table.Column<bool>(type: "boolean", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsentToContact = table.Column<bool>(type: "boolean", nullable: false),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OtherProduct = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PreferredReply = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PersonalDataErasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Delivery = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DeliveryProblem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeliveredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Question = table.Column<string>(type: "text", nullable: true),
                    EventDetails = table.Column<string>(type: "text", nullable: true),
                    Salt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Query = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Found = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchCounts", x => new { x.Day, x.Query });
                });

            migrationBuilder.CreateTable(
                name: "SecureLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ExportRecordId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Downloads = table.Column<int>(type: "integer", nullable: false),
                    LastDownloadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestNotes_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestProducts",
                columns: table => new
                {
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    Brand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedMonth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestProducts", x => new { x.RequestId, x.Brand });
                    table.ForeignKey(
                        name: "FK_RequestProducts_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterViews_Day_LetterId_Count",
                table: "LetterViews",
                columns: new[] { "Day", "LetterId", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestId",
                table: "RequestEvents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestNumber",
                table: "RequestEvents",
                column: "RequestNumber");

            migrationBuilder.CreateIndex(
                name: "IX_RequestNotes_RequestId",
                table: "RequestNotes",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestProducts_Brand_RequestId",
                table: "RequestProducts",
                columns: new[] { "Brand", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestProducts_ReceivedMonth_Brand",
                table: "RequestProducts",
                columns: new[] { "ReceivedMonth", "Brand" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AdverseEvent_Lane",
                table: "Requests",
                columns: new[] { "AdverseEvent", "Lane" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AssignedTo_Lane",
                table: "Requests",
                columns: new[] { "AssignedTo", "Lane" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ClosedUtc",
                table: "Requests",
                column: "ClosedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Insights",
                table: "Requests",
                columns: new[] { "ReceivedMonth", "Channel", "MinutesToAnswer", "AnsweredInTime", "AdverseEvent", "ProductComplaint", "ForwardedUtc", "PharmacovigilanceDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Lane_QueueDueUtc_Id",
                table: "Requests",
                columns: new[] { "Lane", "QueueDueUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Number",
                table: "Requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ProductComplaint_Lane",
                table: "Requests",
                columns: new[] { "ProductComplaint", "Lane" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedUtc",
                table: "Requests",
                column: "ReceivedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_ReceivedUtc",
                table: "Requests",
                columns: new[] { "Status", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchCounts_Insights",
                table: "SearchCounts",
                columns: new[] { "Day", "Query", "Found", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_SecureLinks_RequestNumber",
                table: "SecureLinks",
                column: "RequestNumber");

            migrationBuilder.CreateIndex(
                name: "IX_SecureLinks_TokenHash",
                table: "SecureLinks",
                column: "TokenHash",
                unique: true);

            // The request log and the erasure list are append-only like the export records (the function is the
            // initial migration's). A kept PDF may now be deleted once, and only once it is on the erasure list.
            foreach (var table in new[] { "RequestEvents", "ErasedExportFiles" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                    CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION medinfo_refuse_audit_change();
                    """);
            }

            migrationBuilder.Sql("""
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
                """);
            foreach (var table in new[] { "RequestEvents", "ErasedExportFiles" })
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS "{table}_NoUpdate" ON "{table}";
                    DROP TRIGGER IF EXISTS "{table}_NoDelete" ON "{table}";
                    DROP TRIGGER IF EXISTS "{table}_NoTruncate" ON "{table}";
                    """);
            }

            migrationBuilder.DropTable(
                name: "ErasedExportFiles");

            migrationBuilder.DropTable(
                name: "LetterViews");

            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropTable(
                name: "RequestNotes");

            migrationBuilder.DropTable(
                name: "RequestProducts");

            migrationBuilder.DropTable(
                name: "SearchCounts");

            migrationBuilder.DropTable(
                name: "SecureLinks");

            migrationBuilder.DropTable(
                name: "Requests");
        }
    }
}
