using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MedInfo.Store.Engines;

/// <summary>
/// An entity type's columns as EF Core writes them, read from the model: the table, each column's name and the value
/// EF Core would send for it (after the model's value conversions). A bulk insert built from it writes what a
/// tracked insert would, without EF Core's change tracking of thousands of rows.
/// </summary>
internal sealed class EntityColumns<TEntity>
    where TEntity : class
{
    private readonly IProperty? key;
    private readonly IClrPropertyGetter[] getters;
    private readonly ValueConverter?[] converters;

    private EntityColumns(string table, IProperty? key, IProperty[] properties)
    {
        Table = table;
        this.key = key;
        Names = [.. properties.Select(p => p.GetColumnName())];
        getters = [.. properties.Select(p => p.GetGetter())];
        converters = [.. properties.Select(p => p.GetTypeMapping().Converter)];
    }

    public string Table { get; }

    /// <summary>The generated key's column when it is wanted back (never in <see cref="Names"/>); null otherwise.</summary>
    public string? Key => key?.GetColumnName();

    /// <summary>The columns written, in the order <see cref="ValuesOf"/> gives their values.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <param name="db">The context whose model says how the entity is stored.</param>
    /// <param name="generatedKey">Whether the store's generated key is wanted back (<see cref="Key"/>); without, the
    /// key column is left to the store.</param>
    public static EntityColumns<TEntity> Of(MedInfoDb db, bool generatedKey)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the store's model.");
        var generated = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var type } one] && type == typeof(int) ? one : null;
        if (generatedKey && generated is null)
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} has no generated key of one int column.");
        }

        return new EntityColumns<TEntity>(entity.GetTableName()!, generatedKey ? generated : null, [.. entity.GetProperties().Where(p => p != generated)]);
    }

    /// <summary>The values EF Core would write for <paramref name="row"/>, in column order (null for NULL).</summary>
    public object?[] ValuesOf(TEntity row)
    {
        var values = new object?[getters.Length];
        for (var i = 0; i < getters.Length; i++)
        {
            var value = getters[i].GetClrValueUsingContainingEntity(row);
            values[i] = value is null || converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
        }

        return values;
    }

    /// <summary>Sets the key the store gave <paramref name="row"/>.</summary>
    public void SetKey(TEntity row, object value) =>
        (key?.PropertyInfo ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no generated key."))
            .SetValue(row, Convert.ToInt32(value, CultureInfo.InvariantCulture));
}
