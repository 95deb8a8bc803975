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
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    SafetyPending = table.Column<bool>(type: "boolean", nullable: false),
                    QueueDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsentToContact = table.Column<bool>(type: "boolean", nullable: false),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OtherProduct = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PreferredReply = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PersonalDataErasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
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
                    Brand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "IX_Requests_AssignedTo",
                table: "Requests",
                column: "AssignedTo");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ClosedUtc",
                table: "Requests",
                column: "ClosedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Number",
                table: "Requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_SafetyPending_QueueDueUtc_Id",
                table: "Requests",
                columns: new[] { "Open", "SafetyPending", "QueueDueUtc", "Id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedUtc",
                table: "Requests",
                column: "ReceivedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_SafetyPending_QueueDueUtc",
                table: "Requests",
                columns: new[] { "Status", "SafetyPending", "QueueDueUtc" });

            // The request log is append-only like the export records (the function is the initial migration's).
            migrationBuilder.Sql("""
                CREATE TRIGGER "RequestEvents_NoUpdate" BEFORE UPDATE ON "RequestEvents" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                CREATE TRIGGER "RequestEvents_NoDelete" BEFORE DELETE ON "RequestEvents" FOR EACH ROW EXECUTE FUNCTION medinfo_refuse_audit_change();
                CREATE TRIGGER "RequestEvents_NoTruncate" BEFORE TRUNCATE ON "RequestEvents" FOR EACH STATEMENT EXECUTE FUNCTION medinfo_refuse_audit_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "RequestEvents_NoUpdate" ON "RequestEvents";
                DROP TRIGGER IF EXISTS "RequestEvents_NoDelete" ON "RequestEvents";
                DROP TRIGGER IF EXISTS "RequestEvents_NoTruncate" ON "RequestEvents";
                """);
            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropTable(
                name: "RequestNotes");

            migrationBuilder.DropTable(
                name: "RequestProducts");

            migrationBuilder.DropTable(
                name: "Requests");
        }
    }
}
