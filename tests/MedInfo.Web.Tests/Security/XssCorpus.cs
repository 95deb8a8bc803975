namespace MedInfo.Web.Tests.Security;

/// <summary>Where in a letter (or in a request) a payload is put.</summary>
public enum XssPlace
{
    Body,
    Heading,
    Title,
    Notice,
    Brand,
    Generic,
    PrescribingInformation,
    Keyword,
    TableCell,
    TableCaption,
    TableNote,
    StudyTitle,
    BoxTitle,
    ReferenceText,
    ReferenceIds,
    SearchText,
    Url,
}

/// <summary>One attack: what is written, and where. Every script payload calls alert('xss') or reaches xss.invalid.</summary>
public sealed record XssPayload(int Number, XssPlace Place, string Text)
{
    public string LetterId => $"xss-{Number}";

    public bool IsContent => Place is not (XssPlace.SearchText or XssPlace.Url);

    public override string ToString() => $"#{Number} {Place}: {Text}";
}

/// <summary>
/// The corpus: raw HTML, script URLs, event handlers, SVG and MathML, Markdown link and image tricks, in every
/// place a letter has text, in search text and in URLs. Content payloads become synthetic letters (invented
/// product); each is either refused at import or must show as inert text.
/// </summary>
public static class XssCorpus
{
    private static readonly (XssPlace Place, string Text)[] Entries =
    [
        (XssPlace.Body, "<script>alert('xss')</script>"),
        (XssPlace.Body, "<img src=x onerror=alert('xss')>"),
        (XssPlace.Body, "<svg onload=alert('xss')>"),
        (XssPlace.Body, "<svg><script>alert('xss')</script></svg>"),
        (XssPlace.Body, "<iframe src=\"javascript:alert('xss')\"></iframe>"),
        (XssPlace.Body, "<a href=\"javascript:alert('xss')\">click</a>"),
        (XssPlace.Body, "[click](javascript:alert('xss'))"),
        (XssPlace.Body, "[click](JaVaScRiPt:alert('xss'))"),
        (XssPlace.Body, "[click](java&#x09;script:alert('xss'))"),
        (XssPlace.Body, "[click](&#106;avascript:alert('xss'))"),
        (XssPlace.Body, "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=)"),
        (XssPlace.Body, "[click](vbscript:msgbox('xss'))"),
        (XssPlace.Body, "<javascript:alert('xss')>"),
        (XssPlace.Body, "![x](javascript:alert('xss'))"),
        (XssPlace.Body, "![x](https://xss.invalid/pixel.png)"),
        (XssPlace.Body, "[click](https://example.org \"x\\\" onmouseover=\\\"alert('xss')\")"),
        (XssPlace.Body, "[click][evil]\n\n[evil]: javascript:alert('xss')"),
        (XssPlace.Body, "<details open ontoggle=alert('xss')>"),
        (XssPlace.Body, "`<script>alert('xss')</script>`"),
        (XssPlace.Body, "&lt;script&gt;alert('xss')&lt;/script&gt;"),
        (XssPlace.Body, "[click](//xss.invalid/x)"),
        (XssPlace.Body, "<style>body{background:url(https://xss.invalid/x)}</style>"),
        (XssPlace.Body, "<form action=https://xss.invalid><button>go</button></form>"),
        (XssPlace.Body, "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss')\">"),
        (XssPlace.Body, "<base href=\"https://xss.invalid/\">"),
        (XssPlace.Body, "<math><mi xlink:href=\"javascript:alert('xss')\">x</mi></math>"),
        (XssPlace.Body, "[mail](mailto:mi@example.org?body=<script>alert('xss')</script>)"),
        (XssPlace.Body, "<!--><script>alert('xss')</script>-->"),
        (XssPlace.Heading, "<img src=x onerror=alert('xss')>"),
        (XssPlace.Heading, "Results <script>alert('xss')</script>"),
        (XssPlace.Title, "<script>alert('xss')</script>"),
        (XssPlace.Title, "\"><img src=x onerror=alert('xss')>"),
        (XssPlace.Title, "</title><script>alert('xss')</script>"),
        (XssPlace.Notice, "<img src=x onerror=alert('xss')>"),
        (XssPlace.Notice, "<a href=javascript:alert('xss')>notice</a>"),
        (XssPlace.Brand, "\"><svg onload=alert('xss')>"),
        (XssPlace.Brand, "<script>alert('xss')</script>®"),
        (XssPlace.Generic, "<img src=x onerror=alert('xss')>"),
        (XssPlace.PrescribingInformation, "javascript:alert('xss')"),
        (XssPlace.PrescribingInformation, "data:text/html,<script>alert('xss')</script>"),
        (XssPlace.PrescribingInformation, "https://example.org/\"onmouseover=\"alert('xss')"),
        (XssPlace.Keyword, "<script>alert('xss')</script>"),
        (XssPlace.TableCell, "<img src=x onerror=alert('xss')>"),
        (XssPlace.TableCell, "[x](javascript:alert('xss'))"),
        (XssPlace.TableCell, "\"><svg onload=alert('xss')>"),
        (XssPlace.TableCaption, "<script>alert('xss')</script>"),
        (XssPlace.TableCaption, "Caption <svg onload=alert('xss')>"),
        (XssPlace.TableNote, "<img src=x onerror=alert('xss')>"),
        (XssPlace.StudyTitle, "<img src=x onerror=alert('xss')>"),
        (XssPlace.StudyTitle, "Study \"><script>alert('xss')</script>"),
        (XssPlace.BoxTitle, "WARNING: <img src=x onerror=alert('xss')>"),
        (XssPlace.BoxTitle, "Note \"><svg onload=alert('xss')>"),
        (XssPlace.BoxTitle, "[x](javascript:alert('xss'))"),
        (XssPlace.ReferenceText, "<script>alert('xss')</script> Invented study."),
        (XssPlace.ReferenceText, "[x](javascript:alert('xss')) Invented study."),
        (XssPlace.ReferenceText, "\"><img src=x onerror=alert('xss')> Invented study."),
        (XssPlace.ReferenceIds, "doi=10.1000/\"><script>alert('xss')</script>"),
        (XssPlace.ReferenceIds, "pmid=1\" onmouseover=\"alert('xss')"),
        (XssPlace.ReferenceIds, "doi=javascript:alert('xss')"),
        (XssPlace.SearchText, "<script>alert('xss')</script>"),
        (XssPlace.SearchText, "\"><img src=x onerror=alert('xss')>"),
        (XssPlace.SearchText, "'><svg onload=alert('xss')>"),
        (XssPlace.SearchText, "javascript:alert('xss')"),
        (XssPlace.SearchText, "</mark><script>alert('xss')</script>"),
        (XssPlace.SearchText, "Synthetic <b onmouseover=alert('xss')>letter</b>"),
        (XssPlace.Url, "/letters/<script>alert('xss')</script>"),
        (XssPlace.Url, "/letters/%22%3E%3Cimg%20src=x%20onerror=alert('xss')%3E"),
        (XssPlace.Url, "/products/<svg onload=alert('xss')>"),
        (XssPlace.Url, "/letters/xss-1/versions/1%3Cscript%3Ealert('xss')%3C%2Fscript%3E"),
        (XssPlace.Url, "/search?q=%3Cscript%3Ealert('xss')%3C/script%3E&product=%22%3E%3Csvg%20onload%3Dalert('xss')%3E"),
        (XssPlace.Url, "/staff/signin?ReturnUrl=javascript:alert('xss')"),
        (XssPlace.Url, "/letters/xss-1/compare?from=%3Csvg%20onload%3Dalert('xss')%3E&to=1"),
    ];

    public static IReadOnlyList<XssPayload> All { get; } = Entries.Select((e, i) => new XssPayload(i + 1, e.Place, e.Text)).ToList();

    /// <summary>A synthetic letter carrying the payload in its place; every other place holds plain text.</summary>
    public static string Letter(XssPayload payload)
    {
        string At(XssPlace place, string plain) => payload.Place == place ? payload.Text : plain;
        string Yaml(XssPlace place, string plain) => "\"" + At(place, plain).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var prescribing = payload.Place == XssPlace.PrescribingInformation ? $"\n    prescribing-information: {Yaml(XssPlace.PrescribingInformation, "")}" : "";
        return $"""
            ---
            id: {payload.LetterId}
            title: {Yaml(XssPlace.Title, $"Synthetic letter {payload.Number} for payload checks")}
            kind: Medical Information
            audience:
              type: hcp
              region: US
              notice: {Yaml(XssPlace.Notice, "Synthetic test letter.")}
            products:
              - brand: {Yaml(XssPlace.Brand, "XSSAVIR®")}
                generic: {Yaml(XssPlace.Generic, "examplumab")}{prescribing}
            status: published
            last-updated: 2025-05-08
            keywords: [{Yaml(XssPlace.Keyword, "synthetic")}]
            ---

            ## Summary

            - Synthetic letter {payload.Number} for payload checks.[@ref1] {At(XssPlace.Body, "Plain text.")}

            ## {At(XssPlace.Heading, "Results")}

            ::: study {At(XssPlace.StudyTitle, "Invented study")}[@ref1]
            Invented results.
            :::

            ::: warning {At(XssPlace.BoxTitle, "Invented caution")}
            An invented caution.
            :::

            ::: table t1
            {At(XssPlace.TableCaption, "Invented measures")}

            | Measure | Value |
            |---|---|
            | {At(XssPlace.TableCell, "Invented")} | 1[^a] |

            [^a]: {At(XssPlace.TableNote, "An invented note.")}
            :::

            ## References

            [@ref1]: {At(XssPlace.ReferenceText, "Synth A. Invented study. J Synth. 2020;1:1.")} {"{"}{At(XssPlace.ReferenceIds, "pmid=12345678")}{"}"}
            """;
    }
}
