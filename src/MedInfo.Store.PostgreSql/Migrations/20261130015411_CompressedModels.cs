using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CompressedModels : Migration
    {
        /// <summary>
        /// New versions keep their model Brotli-compressed (about a fifth of the JSON); versions imported before keep
        /// theirs as JSON, read as before, so nothing is rewritten.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ModelJson",
                table: "LetterVersions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<byte[]>(
                name: "CompressedModel",
                table: "LetterVersions",
                type: "bytea",
                nullable: true);
        }

        /// <summary>
        /// Not reversible: versions imported after this migration keep their model compressed only, and the database
        /// cannot write it back as JSON. Going back is restoring a backup taken before it.
        /// </summary>
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Letter versions imported since this migration keep their model compressed only; going back would lose them. Restore a backup taken before it instead.");
    }
}
