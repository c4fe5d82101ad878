namespace MotCua.Domain.Dossiers;

public enum Timeliness
{
    /// <summary>Trước hạn: finished on a date before the due date.</summary>
    Early,
    /// <summary>Đúng hạn: finished on the due date, at or before the due moment.</summary>
    OnTime,
    /// <summary>Trễ hạn: finished after the due moment.</summary>
    Late,
}

/// <summary>Early, on time or late, for a dossier or a step (Circular 01/2018/TT-VPCP forms 05 and 06).</summary>
public static class TimelinessRules
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static Timeliness Classify(DateTimeOffset finishedAt, DateTimeOffset dueAt)
    {
        if (finishedAt > dueAt)
        {
            return Timeliness.Late;
        }
        var finishedDate = DateOnly.FromDateTime(finishedAt.ToOffset(Vietnam).DateTime);
        var dueDate = DateOnly.FromDateTime(dueAt.ToOffset(Vietnam).DateTime);
        return finishedDate < dueDate ? Timeliness.Early : Timeliness.OnTime;
    }

    /// <summary>A dossier's timeliness at the end of processing: more than one supplement request counts late (Decision 766).</summary>
    public static Timeliness Classify(DateTimeOffset finishedAt, DateTimeOffset dueAt, int supplementRequests) =>
        supplementRequests > 1 ? Timeliness.Late : Classify(finishedAt, dueAt);

    public static string Key(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "early",
        Timeliness.OnTime => "on_time",
        _ => "late",
    };

    public static string Vietnamese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        _ => "Quá hạn",
    };
}
