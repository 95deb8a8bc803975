using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.CrossReferences;

/// <summary>A cross-reference to a table of this letter; one to a table the letter lacks is an error at its place.</summary>
public sealed class TableReferenceModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, TableReferenceInline>
{
    protected override void Write(LetterModelRenderer renderer, TableReferenceInline obj)
    {
        var content = renderer.RenderInlines(obj);
        if (!renderer.Context.TableIds.Contains(obj.TableId))
        {
            renderer.Context.Diagnostics.Error(obj, $"The cross-reference points to table '{obj.TableId}', but this letter has no table with that id (tables are opened with '::: table id').");
            foreach (var inline in content)
            {
                renderer.Emit(inline);
            }

            return;
        }

        renderer.Emit(new MedInfo.Letters.TableReference(obj.TableId, content));
    }
}
