using Markdig.Syntax.Inlines;

namespace MedInfo.Content.Extensions.CrossReferences;

/// <summary>A cross-reference to a table, written as a link to <c>table:id</c>: <c>[Table: Summary of Responses](table:dima-responses)</c>.</summary>
public sealed class TableReferenceInline(string tableId) : ContainerInline
{
    public string TableId { get; } = tableId;
}
