namespace MotCua.Core.Common;

/// <summary>
/// A command refused for a reason the caller can act on. The web host turns it into RFC 9457
/// ProblemDetails with the stable <see cref="Code"/>, the Vietnamese <see cref="Title"/> and field errors.
/// Thrown before anything is written, so a refused command changes nothing.
/// </summary>
public sealed class ProblemException(
    int status,
    string code,
    string title,
    string? detail = null,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static ProblemException NotFound(string what) =>
        new(404, "not_found", "Không tìm thấy", $"Không tìm thấy {what}.");

    public static ProblemException Conflict(string code, string title, string? detail = null) =>
        new(409, code, title, detail);

    public static ProblemException BadRequest(string code, string title, string? detail = null) =>
        new(400, code, title, detail);

    public static ProblemException Forbidden(string detail) =>
        new(403, "forbidden", "Không có quyền thực hiện", detail);
}
