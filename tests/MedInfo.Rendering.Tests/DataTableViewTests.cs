using AngleSharp.Dom;
using Bunit;
using MedInfo.Rendering.Components;

namespace MedInfo.Rendering.Tests;

public sealed class DataTableViewTests : ComponentTestBase
{
    private IRenderedComponent<DataTableView> RenderTable(string id) =>
        RenderInLetter<DataTableView>(Seed, p => p.Add(c => c.Table, Seed.Tables.Single(t => t.Id == id)));

    private static IElement RowHeaded(IRenderedComponent<DataTableView> cut, string label) =>
        cut.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == label);

    [Fact]
    public void The_caption_cites_and_header_cells_span_as_the_letter_prints_them()
    {
        var cut = RenderTable("dima-baseline");

        Assert.Equal("Baseline Patient Characteristics at Diagnosis and DARZALEX or DARZALEX FASPRO Initiation1", ReadText(cut.Find("caption")));
        Assert.NotNull(cut.Find($"caption sup.cite a[href='{PagePath}#ref-1']"));
        var characteristic = cut.Find("thead th");
        Assert.Equal(("Characteristic", "2", "col"), (characteristic.TextContent, characteristic.GetAttribute("rowspan"), characteristic.GetAttribute("scope")));
        var n7 = cut.FindAll("thead tr")[1].QuerySelector("th")!;
        Assert.Equal(("N=7", "2", "colgroup"), (n7.TextContent, n7.GetAttribute("colspan"), n7.GetAttribute("scope")));
    }

    [Fact]
    public void A_value_for_both_time_points_spans_both_columns_while_age_has_two_values()
    {
        var cut = RenderTable("dima-baseline");

        var female = RowHeaded(cut, "Female, n (%)").QuerySelectorAll("td");
        Assert.Equal(("4 (57)", "2"), (Assert.Single(female).TextContent, female[0].GetAttribute("colspan")));
        Assert.Equal(["56 (47-75)", "58 (54-79)"], RowHeaded(cut, "Age, median (range), years").QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void An_indented_row_is_shown_indented_and_read_as_under_its_group_row()
    {
        var cut = RenderTable("dima-baseline");

        var group = RowHeaded(cut, "Heavy chain isotope, n (%)");
        var igg = RowHeaded(cut, "IgG");
        Assert.Contains("group-row", group.ClassList);
        var iggHeader = igg.QuerySelector("th")!;
        Assert.Equal("row", iggHeader.GetAttribute("scope"));
        Assert.Contains("indent-1", iggHeader.ClassList);
        var groupId = group.QuerySelector("th")!.Id!;
        Assert.Contains(groupId, iggHeader.GetAttribute("headers")!.Split(' '));
        var value = igg.QuerySelector("td")!;
        Assert.Contains(groupId, value.GetAttribute("headers")!.Split(' '));
        Assert.Contains(iggHeader.Id!, value.GetAttribute("headers")!.Split(' '));
    }

    [Fact]
    public void Two_levels_of_indent_are_read_under_both_parents()
    {
        var cut = RenderTable("vaxman-baseline");

        var radiation = RowHeaded(cut, "Radiation").QuerySelector("th")!;
        var rd = RowHeaded(cut, "Rd");
        Assert.Contains("indent-2", rd.QuerySelector("th")!.ClassList);
        var headers = rd.QuerySelector("td")!.GetAttribute("headers")!.Split(' ');
        Assert.Contains(radiation.Id!, headers);
        Assert.Contains(RowHeaded(cut, "First-line treatment, n (%)").QuerySelector("th")!.Id!, headers);
    }

    [Fact]
    public void Footnote_marker_links_to_its_note_and_abbreviations_sit_under_the_table()
    {
        var cut = RenderTable("dima-responses");

        var marker = cut.Find("sup.note-marker a");
        Assert.Equal(PagePath + "#table-dima-responses-note-a", marker.GetAttribute("href"));
        var note = cut.Find("#table-dima-responses-note-a");
        Assert.Equal("aNo symptomatic improvement was observed in 1 (14%) patient, particularly for neuropathy.", note.TextContent);
        Assert.StartsWith("Abbreviations: CRC, complete clinical response", cut.Find(".table-abbreviations").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", cut.Find(".table-scroll").GetAttribute("tabindex"));
    }
}
