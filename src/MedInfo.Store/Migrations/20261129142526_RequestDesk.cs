using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
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
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ErasedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedExportFiles", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "LetterViews",
                columns: table => new
                {
                    LetterId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterViews", x => new { x.LetterId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    PersonalDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Requester = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AdverseEvent = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ProductComplaint = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    OffLabel = table.Column<bool>(type: "INTEGER", nullable: false),
                    PharmacovigilanceDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForwardedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForwardedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ForwardedReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Lane = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesToAnswer = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredInTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentToContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OtherProduct = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PreferredReply = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PersonalDataErasedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DeliveryProblem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeliveredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Question = table.Column<string>(type: "TEXT", nullable: true),
                    EventDetails = table.Column<string>(type: "TEXT", nullable: true),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchCounts", x => new { x.Day, x.Query });
                });

            migrationBuilder.CreateTable(
                name: "SecureLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ExportRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Downloads = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDownloadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true)
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
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: false)
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

            // The request log and the erasure list are append-only like the export records: the database refuses to
            // change or delete a row. A kept PDF may now be deleted once, and only once it is on the erasure list.
            foreach (var table in new[] { "RequestEvents", "ErasedExportFiles" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is an append-only audit table: rows cannot be changed'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is an append-only audit table: rows cannot be deleted'); END;");
            }

            migrationBuilder.Sql("DROP TRIGGER ExportFiles_NoDelete;");
            migrationBuilder.Sql("CREATE TRIGGER ExportFiles_NoDelete BEFORE DELETE ON ExportFiles WHEN NOT EXISTS (SELECT 1 FROM ErasedExportFiles WHERE Sha256 = OLD.Sha256) BEGIN SELECT RAISE(ABORT, 'ExportFiles is an append-only audit table: rows cannot be deleted'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER ExportFiles_NoDelete;");
            migrationBuilder.Sql("CREATE TRIGGER ExportFiles_NoDelete BEFORE DELETE ON ExportFiles BEGIN SELECT RAISE(ABORT, 'ExportFiles is an append-only audit table: rows cannot be deleted'); END;");
            foreach (var table in new[] { "RequestEvents", "ErasedExportFiles" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
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
