namespace MotCua.Core.Common;

/// <summary>One page of a list; every list the API returns is paged.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Clamp(int? page, int? pageSize, int defaultSize = 20) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
}
