using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Core.Audit;

/// <summary>The hash that links an audit entry to the one before it.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 over every field, each length-prefixed so that no two different entries share an encoding.
    /// </summary>
    public static string Compute(AuditEntry entry)
    {
        var builder = new StringBuilder(256);
        Append(builder, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(builder, entry.ActorId?.ToString("N"));
        Append(builder, entry.ActorName);
        Append(builder, entry.IpAddress);
        Append(builder, entry.Action);
        Append(builder, entry.TargetType);
        Append(builder, entry.TargetId);
        Append(builder, entry.UnitId?.ToString("N"));
        Append(builder, entry.Details);
        Append(builder, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string? value)
    {
        value ??= "\0";
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
