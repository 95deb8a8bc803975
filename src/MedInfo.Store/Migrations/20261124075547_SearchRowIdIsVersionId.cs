using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedInfo.Store.Migrations
{
    /// <inheritdoc />
    public partial class SearchRowIdIsVersionId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index's rowid becomes the indexed version's id, so replacing or removing a letter's row is
            // a rowid lookup instead of a scan of the whole index (LetterId is UNINDEXED). Rows indexed before this
            // migration are renumbered; letters without a current version have no row.
            migrationBuilder.Sql("UPDATE LetterSearch SET rowid = (SELECT l.CurrentVersionId FROM Letters l WHERE l.Id = LetterSearch.LetterId) WHERE EXISTS (SELECT 1 FROM Letters l WHERE l.Id = LetterSearch.LetterId AND l.CurrentVersionId IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Version-id rowids are valid rowids for the earlier code too: nothing to undo.
        }
    }
}
