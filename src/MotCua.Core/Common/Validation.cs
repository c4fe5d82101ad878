namespace MotCua.Core.Common;

/// <summary>Collects field errors of one request and refuses it as a whole (400 <c>validation_failed</c>).</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Vui lòng nhập {label}.");
        }
        return this;
    }

    public Validation MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"{Capitalise(label)} không được dài quá {max} ký tự.");
        }
        return this;
    }

    /// <summary>A date written yyyy-MM-dd; null (with the field's error) when missing but required, or malformed.</summary>
    public DateOnly? Date(string field, string? text, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, $"Vui lòng nhập {label}.");
            }
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(field, $"{Capitalise(label)} không đúng dạng yyyy-MM-dd.");
        return null;
    }

    public Validation When(bool condition, string field, string message)
    {
        if (condition)
        {
            Add(field, message);
        }
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ProblemException(
                400,
                "validation_failed",
                "Dữ liệu không hợp lệ",
                "Vui lòng kiểm tra lại các trường được đánh dấu.",
                _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    private static string Capitalise(string label) =>
        label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
