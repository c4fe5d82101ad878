namespace MotCua.Domain.Calendar;

public enum ClockState
{
    Running,
    /// <summary>Stopped for a reason outside the agency (waiting for the applicant, an outside verification): time does not count.</summary>
    Suspended,
    /// <summary>Processing ended (finished, withdrawn, stopped): the clock is read, never moved again.</summary>
    Stopped,
    /// <summary>Submitted online and not yet accepted by the desk: the clock starts at acceptance.</summary>
    NotStarted,
}

public enum ClockSegmentKind
{
    Running,
    Suspended,
}

/// <summary>One stretch of the clock's history: running toward a due moment, or suspended.</summary>
public sealed record ClockSegment(ClockSegmentKind Kind, DateTimeOffset From, DateTimeOffset? To, DateTimeOffset? DueAt, string? Reason);

/// <summary>
/// The processing clock of a dossier: started at reception with the procedure's allowance, it can be
/// suspended (remaining working time carried over on resume), restarted from zero (a supplemented
/// dossier, Decree 61/2018 art. 19(3) as carried into Decree 118/2025), rescheduled once by an apology,
/// and stopped. Immutable: every change returns the next clock with its history of segments.
/// </summary>
public sealed record DeadlineClock(
    ProcessingTime Allowance,
    ClockState State,
    DateTimeOffset? DueAt,
    TimeSpan Remaining,
    IReadOnlyList<ClockSegment> Segments)
{
    public static DeadlineClock Start(WorkingCalendar calendar, ProcessingTime allowance, DateTimeOffset at)
    {
        var due = calendar.Due(at, allowance);
        return new DeadlineClock(allowance, ClockState.Running, due, TimeSpan.Zero, [new ClockSegment(ClockSegmentKind.Running, at, null, due, null)]);
    }

    /// <summary>
    /// Stops the clock; the working time left until the due moment is carried over. A clock already past
    /// its due moment keeps that (missed) due moment: suspension does not make a late dossier on time.
    /// </summary>
    public DeadlineClock Suspend(WorkingCalendar calendar, DateTimeOffset at, string reason)
    {
        Require(ClockState.Running, nameof(Suspend));
        var remaining = calendar.WorkingTimeBetween(at, DueAt!.Value);
        return this with
        {
            State = ClockState.Suspended,
            Remaining = remaining,
            DueAt = remaining > TimeSpan.Zero ? null : DueAt,
            Segments = [.. Close(at), new ClockSegment(ClockSegmentKind.Suspended, at, null, null, reason)],
        };
    }

    /// <summary>Starts the clock again with the remaining working time it had when suspended.</summary>
    public DeadlineClock Resume(WorkingCalendar calendar, DateTimeOffset at)
    {
        Require(ClockState.Suspended, nameof(Resume));
        var due = Remaining > TimeSpan.Zero ? calendar.AddWorkingTime(at, Remaining) : DueAt!.Value;
        return this with
        {
            State = ClockState.Running,
            Remaining = TimeSpan.Zero,
            DueAt = due,
            Segments = [.. Close(at), new ClockSegment(ClockSegmentKind.Running, at, null, due, null)],
        };
    }

    /// <summary>The whole allowance again from <paramref name="at"/> (the complete dossier arrived after a supplement request).</summary>
    public DeadlineClock Restart(WorkingCalendar calendar, DateTimeOffset at, string reason)
    {
        if (State == ClockState.Stopped)
        {
            throw new InvalidOperationException("A stopped clock cannot restart.");
        }
        var due = calendar.Due(at, Allowance);
        return this with
        {
            State = ClockState.Running,
            Remaining = TimeSpan.Zero,
            DueAt = due,
            Segments = [.. Close(at), new ClockSegment(ClockSegmentKind.Running, at, null, due, reason)],
        };
    }

    /// <summary>A new due moment set by an apology (form 04).</summary>
    public DeadlineClock Reschedule(DateTimeOffset at, DateTimeOffset newDue, string reason)
    {
        Require(ClockState.Running, nameof(Reschedule));
        if (newDue <= DueAt)
        {
            throw new ArgumentOutOfRangeException(nameof(newDue), "A rescheduled due moment must be later than the current one.");
        }
        return this with
        {
            DueAt = newDue,
            Segments = [.. Close(at), new ClockSegment(ClockSegmentKind.Running, at, null, newDue, reason)],
        };
    }

    public DeadlineClock Stop(DateTimeOffset at)
    {
        if (State == ClockState.Stopped)
        {
            throw new InvalidOperationException("The clock is already stopped.");
        }
        return this with { State = ClockState.Stopped, Segments = Close(at) };
    }

    /// <summary>Working time spent suspended so far (excluded from processing time).</summary>
    public TimeSpan SuspendedWorkingTime(WorkingCalendar calendar, DateTimeOffset now) =>
        Segments.Where(s => s.Kind == ClockSegmentKind.Suspended)
            .Aggregate(TimeSpan.Zero, (sum, s) => sum + calendar.WorkingTimeBetween(s.From, s.To ?? now));

    private List<ClockSegment> Close(DateTimeOffset at)
    {
        var segments = Segments.ToList();
        if (segments.Count > 0 && segments[^1].To is null)
        {
            if (at < segments[^1].From)
            {
                throw new ArgumentOutOfRangeException(nameof(at), "The clock cannot go back in time.");
            }
            segments[^1] = segments[^1] with { To = at };
        }
        return segments;
    }

    private void Require(ClockState state, string operation)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"{operation} needs a {state} clock; this one is {State}.");
        }
    }
}
