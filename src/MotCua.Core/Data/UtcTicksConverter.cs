using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Core.Data;

/// <summary>Stores an instant as UTC ticks (SQLite): ordered, comparable, exact.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>
/// PostgreSQL's timestamptz takes UTC only: instants computed in Vietnam time (+07:00) are written as
/// the same instant in UTC.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
