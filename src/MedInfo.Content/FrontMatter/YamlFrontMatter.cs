using YamlDotNet.RepresentationModel;

namespace MedInfo.Content.FrontMatter;

/// <summary>
/// Any front matter, read by YamlDotNet (the whole of YAML: block text, anchors, flow mappings, ...) into the nodes
/// the checks read. Throws what YamlDotNet throws for text that is not YAML.
/// </summary>
internal static class YamlFrontMatter
{
    /// <summary>The first document's root, or null when there is none.</summary>
    public static FrontMatterNode? Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : new Converter().Convert(stream.Documents[0].RootNode);
    }

    private sealed class Converter
    {
        // An alias is the anchored node itself, so a few anchors can stand for an enormous tree ("billion laughs");
        // each node is converted once and shared, as YamlDotNet shares it.
        private readonly Dictionary<YamlNode, FrontMatterNode> converted = new(ReferenceEqualityComparer.Instance);

        public FrontMatterNode Convert(YamlNode node)
        {
            if (converted.TryGetValue(node, out var done))
            {
                return done;
            }

            var (line, column) = ((int)node.Start.Line, (int)node.Start.Column);
            FrontMatterNode result = node switch
            {
                YamlMappingNode map => new FrontMatterMap(
                    map.Children
                        .Where(pair => pair.Key is YamlScalarNode) // a key that is a list or a map names nothing the checks know
                        .Select(pair => new FrontMatterEntry((FrontMatterText)Convert(pair.Key), Convert(pair.Value)))
                        .ToList(),
                    line, column),
                YamlSequenceNode list => new FrontMatterList(list.Children.Select(Convert).ToList(), line, column),
                YamlScalarNode scalar => new FrontMatterText(scalar.Value ?? string.Empty, line, column),
                _ => new FrontMatterText(string.Empty, line, column),
            };
            converted[node] = result;
            return result;
        }
    }
}
