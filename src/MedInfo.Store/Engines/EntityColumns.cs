using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MedInfo.Store.Engines;

/// <summary>
/// An entity type's columns as EF Core writes them, read from the model: the table, each column's name and the value
/// EF Core would send for it (after the model's value conversions). A bulk insert built from it writes what a
/// tracked insert would, without EF Core's change tracking of thousands of large rows.
/// </summary>
internal sealed class EntityColumns<TEntity>
    where TEntity : class
{
    private readonly IProperty[] properties;

    private EntityColumns(string table, string key, IProperty[] properties)
    {
        Table = table;
        Key = key;
        this.properties = properties;
        Names = [.. properties.Select(p => p.GetColumnName())];
    }

    public string Table { get; }

    /// <summary>The generated key's column (not in <see cref="Names"/>: the database or the engine assigns it).</summary>
    public string Key { get; }

    /// <summary>Every other column, in the order <see cref="ValuesOf"/> gives their values.</summary>
    public IReadOnlyList<string> Names { get; }

    public static EntityColumns<TEntity> Of(MedInfoDb db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the store's model.");
        var key = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated]
            ? generated
            : throw new InvalidOperationException($"{typeof(TEntity).Name} has no generated key of one column.");
        return new EntityColumns<TEntity>(entity.GetTableName()!, key.GetColumnName(), [.. entity.GetProperties().Where(p => p != key)]);
    }

    /// <summary>The values EF Core would write for <paramref name="row"/>, in column order (null for NULL).</summary>
    public object?[] ValuesOf(TEntity row)
    {
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(row);
            values[i] = value is null ? null : properties[i].GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        return values;
    }
}
