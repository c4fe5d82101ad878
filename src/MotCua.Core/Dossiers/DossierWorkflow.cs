using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Every lifecycle action on a received dossier: the state machine decides whether it is allowed, the
/// officer's grants whether they may do it, then the clock, the steps of form 05, the history, the
/// notices and the audit entry change in one transaction. Two officers acting at once: the dossier's
/// version makes exactly one of them win.
/// </summary>
public sealed class DossierWorkflow(
    MotCuaDbContext db,
    AuditTrail audit,
    CalendarProvider calendars,
    DossierNotices notices,
    IActor actor,
    TimeProvider time)
{
    private const int MaxText = 2000;

    /// <summary>What an action needs besides the dossier: its process, calendar and consultations.</summary>
    public sealed record Situation(ProcedureVersion Version, IReadOnlyList<PlannedStep> Steps, WorkingCalendar Calendar, IReadOnlyList<Consultation> Consultations);

    public async Task<Dossier> ActAsync(string code, DossierAction action, DossierActionRequest request, OfficerScope scope, int? expectedVersion, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw ProblemException.NotFound("hồ sơ");
        var consultations = await db.Set<Consultation>().Where(c => c.DossierId == dossier.Id).OrderBy(c => c.SentAt).ToListAsync(cancellationToken);
        if (!DossierAccess.CanSee(scope, dossier, consultations))
        {
            throw ProblemException.Forbidden("Hồ sơ này nằm ngoài phạm vi được giao của bạn.");
        }
        if (expectedVersion is { } expected && expected != dossier.Version)
        {
            throw Stale();
        }
        var situation = await SituationAsync(dossier, consultations, cancellationToken);
        var now = time.Now();
        var transition = DossierStateMachine.Decide(dossier.Status, action, Context(dossier, situation, now));
        if (!transition.Allowed)
        {
            throw ProblemException.Conflict("invalid_transition", "Thao tác không hợp lệ ở trạng thái hiện tại của hồ sơ", transition.Refusal);
        }
        if (DossierAccess.Refusal(scope, dossier, action, consultations) is { } refusal)
        {
            throw ProblemException.Forbidden(refusal);
        }

        var from = dossier.Status;
        var note = await ApplyAsync(dossier, action, request, situation, scope, now, cancellationToken);
        dossier.Status = transition.To;
        if (transition.To != from && transition.To.IsResolved() && dossier.FinishedAt is null)
        {
            Finish(dossier, situation.Calendar, now);
        }
        dossier.Version++;
        dossier.UpdatedAt = now;
        db.Add(new DossierEvent
        {
            DossierId = dossier.Id,
            At = now,
            Action = action.Key(),
            FromStatus = from,
            ToStatus = dossier.Status,
            ActorId = actor.OfficerId,
            ActorName = actor.DisplayName,
            Note = note,
            DueAt = dossier.DueAt,
        });
        Notify(dossier, action, from, request);
        if (transition.To != from || action == DossierAction.Apologize)
        {
            var agency = scope.Tree.Find(dossier.ReceivingUnitId)?.AgencyCode ?? "";
            notices.StatusChanged(dossier, agency, note);
        }
        audit.Record($"dossier.{action.Key()}", "dossier", dossier.Code, dossier.CurrentUnitId,
            $"{action.Vietnamese()} hồ sơ {dossier.Code}: {from.Vietnamese()} → {dossier.Status.Vietnamese()}.{(note is null ? "" : " " + note)}");
        try
        {
            await audit.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
        return dossier;
    }

    public async Task<Situation> SituationAsync(Dossier dossier, IReadOnlyList<Consultation> consultations, CancellationToken cancellationToken)
    {
        var version = await db.ProcedureVersions.AsNoTracking().FirstAsync(v => v.Id == dossier.ProcedureVersionId, cancellationToken);
        var calendar = await calendars.ForUnitAsync(dossier.ProcessingUnitId, cancellationToken);
        return new Situation(version, DossierProcess.Steps(version), calendar, consultations);
    }

    /// <summary>The facts the state machine reads, at <paramref name="now"/>.</summary>
    public static TransitionContext Context(Dossier dossier, Situation situation, DateTimeOffset now)
    {
        var next = dossier.CurrentStepIndex + 1;
        return new TransitionContext(
            dossier.CurrentStepRole,
            next < situation.Steps.Count && situation.Steps[next].Role == StepRole.Return,
            dossier.Apologized,
            dossier.DueAt is not { } due || now < due,
            situation.Consultations.Any(c => c.AnsweredAt is null),
            dossier.ReceivedAt is { } received && now <= situation.Calendar.Due(received, ProcessingTime.WorkingDays(3)));
    }

    /// <summary>The actions this officer may take on the dossier now (for pages and the API view).</summary>
    public static IReadOnlyList<DossierAction> AllowedActions(Dossier dossier, Situation situation, OfficerScope scope, DateTimeOffset now)
    {
        var context = Context(dossier, situation, now);
        return DossierStateMachine.Allowed(dossier.Status, context)
            .Where(a => DossierAccess.Refusal(scope, dossier, a, situation.Consultations) is null)
            .Where(a => a != DossierAction.Claim || dossier.CurrentAssigneeId is null)
            .ToList();
    }

    private async Task<string?> ApplyAsync(Dossier dossier, DossierAction action, DossierActionRequest request, Situation situation, OfficerScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = situation.Calendar;
        var note = Text(request.Note);
        switch (action)
        {
            case DossierAction.Accept:
                Start(dossier, calendar, now);
                dossier.CurrentAssigneeId = actor.OfficerId;
                dossier.CurrentAssigneeName = actor.DisplayName;
                await UpdateOpenStepAsync(dossier, s =>
                {
                    s.StartedAt = now;
                    s.Deadline = dossier.CurrentStepDeadline;
                    s.AssigneeId = dossier.CurrentAssigneeId;
                    s.AssigneeName = dossier.CurrentAssigneeName;
                }, cancellationToken);
                return $"Tiếp nhận hồ sơ trực tuyến; hẹn trả {Format(dossier.DueAt)}.{Suffix(note)}";

            case DossierAction.Refuse:
                dossier.Reason = Required(request.Reason, "reason", "lý do từ chối tiếp nhận");
                dossier.FinishedAt = now;
                dossier.ClockState = ClockState.Stopped;
                await CloseOpenStepAsync(dossier, now, dossier.Reason, cancellationToken);
                return dossier.Reason;

            case DossierAction.Transfer:
                return await TransferAsync(dossier, request, situation, scope, now, note, cancellationToken);

            case DossierAction.Approve:
                dossier.Outcome = Outcome.Approved;
                dossier.DecisionNote = note;
                await AdvanceAsync(dossier, situation, scope, now, note ?? "Đồng ý phê duyệt.", request.AssigneeId, cancellationToken);
                return note ?? "Đồng ý phê duyệt.";

            case DossierAction.Reject:
                dossier.Outcome = Outcome.Rejected;
                dossier.Reason = Required(request.Reason, "reason", "lý do từ chối giải quyết");
                dossier.DecisionNote = note;
                await AdvanceAsync(dossier, situation, scope, now, dossier.Reason, request.AssigneeId, cancellationToken);
                return $"Từ chối giải quyết: {dossier.Reason}";

            case DossierAction.Seal:
                dossier.ResultNumber = Required(request.ResultNumber, "resultNumber", "số, ký hiệu văn bản kết quả");
                await AdvanceAsync(dossier, situation, scope, now, $"Vào sổ số {dossier.ResultNumber}.", null, cancellationToken);
                return $"Kết quả số {dossier.ResultNumber}.{Suffix(note)}";

            case DossierAction.RequestSupplement:
                {
                    var items = Items(request.MissingItems);
                    dossier.SupplementRequests++;
                    dossier.MissingItems = string.Join('\n', items);
                    ApplyClock(dossier, Clock(dossier, now).Suspend(calendar, now, "Chờ bổ sung hồ sơ"), now);
                    return $"Yêu cầu bổ sung (lần {dossier.SupplementRequests}): {string.Join("; ", items)}.{Suffix(note)}";
                }

            case DossierAction.Supplement:
                {
                    ApplyClock(dossier, Clock(dossier, now).Restart(calendar, now, "Nhận đủ hồ sơ bổ sung"), now);
                    dossier.MissingItems = null;
                    var deadline = StepDeadline(dossier, situation, dossier.CurrentStepIndex, now);
                    dossier.CurrentStepDeadline = deadline;
                    await UpdateOpenStepAsync(dossier, s => s.Deadline = deadline, cancellationToken);
                    return $"Đã nhận đủ hồ sơ bổ sung; thời hạn tính lại từ đầu, hẹn trả {Format(dossier.DueAt)}.{Suffix(note)}";
                }

            case DossierAction.Suspend:
                {
                    var reason = Required(request.Reason, "reason", "lý do tạm dừng");
                    ApplyClock(dossier, Clock(dossier, now).Suspend(calendar, now, reason), now);
                    return $"Tạm dừng: {reason}";
                }

            case DossierAction.Resume:
                {
                    var suspendedSince = dossier.ClockSince ?? now;
                    ApplyClock(dossier, Clock(dossier, now).Resume(calendar, now), now);
                    if (dossier.CurrentStepDeadline is { } stepDeadline && stepDeadline > suspendedSince)
                    {
                        var left = calendar.WorkingTimeBetween(suspendedSince, stepDeadline);
                        var shifted = Cap(calendar.AddWorkingTime(now, left), dossier.DueAt);
                        dossier.CurrentStepDeadline = shifted;
                        await UpdateOpenStepAsync(dossier, s => s.Deadline = shifted, cancellationToken);
                    }
                    return $"Tiếp tục xử lý; hẹn trả {Format(dossier.DueAt)}.{Suffix(note)}";
                }

            case DossierAction.Apologize:
                {
                    var reason = Required(request.Reason, "reason", "lý do chậm trễ");
                    var dueBefore = dossier.DueAt!.Value;
                    if (request.NewDueAt is not { } newDue)
                    {
                        throw Invalid("newDueAt", "Vui lòng chọn thời hạn trả kết quả mới.");
                    }
                    if (newDue <= dueBefore || newDue <= now)
                    {
                        throw Invalid("newDueAt", $"Thời hạn mới phải sau thời hạn hiện tại ({Format(dueBefore)}).");
                    }
                    var rescheduled = Instants.Stored(newDue);
                    ApplyClock(dossier, Clock(dossier, now).Reschedule(now, rescheduled, reason), now);
                    dossier.Apologized = true;
                    dossier.ApologyReason = reason;
                    dossier.ApologizedAt = now;
                    dossier.ApologyTimely = calendar.WorkingTimeBetween(now, dueBefore) >= calendar.Schedule.DayLength;
                    return $"Xin lỗi, hẹn lại: {reason}. Hẹn trả mới {Format(rescheduled)} (trước đó {Format(dueBefore)}).";
                }

            case DossierAction.ReturnResult:
                {
                    if (!ReturnMethods.TryParse(request.Method ?? "desk", out var method))
                    {
                        throw Invalid("method", "Hình thức trả kết quả phải là desk (tại quầy), post (bưu chính) hoặc online (điện tử).");
                    }
                    dossier.ReturnMethod = method;
                    dossier.ReturnedAt = now;
                    await CloseOpenStepAsync(dossier, now, method.Vietnamese(), cancellationToken);
                    dossier.CurrentAssigneeId = null;
                    dossier.CurrentAssigneeName = null;
                    return $"{method.Vietnamese()}.{Suffix(note)}";
                }

            case DossierAction.Withdraw:
                dossier.Reason = Text(request.Reason) ?? "Theo đề nghị của người nộp hồ sơ.";
                await CloseOpenStepAsync(dossier, now, dossier.Reason, cancellationToken);
                return $"Rút hồ sơ: {dossier.Reason}";

            case DossierAction.Stop:
                dossier.Reason = Required(request.Reason, "reason", "lý do dừng xử lý");
                await CloseOpenStepAsync(dossier, now, dossier.Reason, cancellationToken);
                return $"Dừng xử lý: {dossier.Reason}";

            case DossierAction.Consult:
                return Consult(dossier, situation, scope, now, note);

            case DossierAction.Answer:
                return Answer(dossier, request, situation, scope, now);

            case DossierAction.Assign:
                {
                    if (request.AssigneeId is not { } assigneeId)
                    {
                        throw Invalid("assigneeId", "Vui lòng chọn cán bộ được phân công.");
                    }
                    var name = await AssigneeNameAsync(dossier, assigneeId, dossier.CurrentUnitId, scope, cancellationToken);
                    dossier.CurrentAssigneeId = assigneeId;
                    dossier.CurrentAssigneeName = name;
                    await UpdateOpenStepAsync(dossier, s => { s.AssigneeId = assigneeId; s.AssigneeName = name; }, cancellationToken);
                    return $"Phân công {name}.{Suffix(note)}";
                }

            case DossierAction.Claim:
                if (dossier.CurrentAssigneeId is not null)
                {
                    throw ProblemException.Conflict("already_assigned", "Hồ sơ đã được giao cho cán bộ khác", $"Hồ sơ đang được giao cho {dossier.CurrentAssigneeName}.");
                }
                dossier.CurrentAssigneeId = actor.OfficerId;
                dossier.CurrentAssigneeName = actor.DisplayName;
                await UpdateOpenStepAsync(dossier, s => { s.AssigneeId = actor.OfficerId; s.AssigneeName = actor.DisplayName; }, cancellationToken);
                return "Nhận xử lý hồ sơ.";

            default:
                throw new InvalidOperationException($"Unhandled action {action}.");
        }
    }

    private async Task<string?> TransferAsync(Dossier dossier, DossierActionRequest request, Situation situation, OfficerScope scope, DateTimeOffset now, string? note, CancellationToken cancellationToken)
    {
        if (request.ToUnitId is { } toUnitId && toUnitId != dossier.ProcessingUnitId)
        {
            var target = scope.Tree.Find(toUnitId);
            if (target is not { IsActive: true })
            {
                throw Invalid("toUnitId", "Không tìm thấy đơn vị nhận hồ sơ.");
            }
            dossier.ProcessingUnitId = toUnitId;
            if (dossier.CurrentStepRole == StepRole.Specialist)
            {
                // Forwarded to another agency (or a higher level): appraisal starts again there; the
                // result still goes back to the desk that received the dossier.
                await CloseOpenStepAsync(dossier, now, $"Chuyển đến {target.Name}.{Suffix(note)}", cancellationToken);
                var assignee = request.AssigneeId is { } id ? (Id: (Guid?)id, Name: await AssigneeNameAsync(dossier, id, toUnitId, scope, cancellationToken)) : (Id: null, Name: null);
                OpenStep(dossier, situation, dossier.CurrentStepIndex, toUnitId, target.Name, assignee.Id, assignee.Name, now);
                return $"Chuyển hồ sơ đến {target.Name}.{Suffix(note)}";
            }
        }
        await AdvanceAsync(dossier, situation, scope, now, note, request.AssigneeId, cancellationToken);
        return note;
    }

    /// <summary>Closes the open step and opens the next one of the process at its unit.</summary>
    private async Task AdvanceAsync(Dossier dossier, Situation situation, OfficerScope scope, DateTimeOffset now, string? note, Guid? assigneeId, CancellationToken cancellationToken)
    {
        await CloseOpenStepAsync(dossier, now, note, cancellationToken);
        var next = dossier.CurrentStepIndex + 1;
        var planned = situation.Steps[next];
        var unitId = DossierProcess.UnitOf(planned.Role, dossier.ReceivingUnitId, dossier.ProcessingUnitId);
        var unitName = scope.Tree.Find(unitId)?.Name ?? "";
        string? assigneeName = null;
        if (assigneeId is { } id)
        {
            assigneeName = await AssigneeNameAsync(dossier, id, unitId, scope, cancellationToken, planned.Role);
        }
        OpenStep(dossier, situation, next, unitId, unitName, assigneeId, assigneeName, now);
    }

    private void OpenStep(Dossier dossier, Situation situation, int index, Guid unitId, string unitName, Guid? assigneeId, string? assigneeName, DateTimeOffset now)
    {
        var planned = situation.Steps[index];
        var deadline = planned.Role == StepRole.Return ? dossier.DueAt : StepDeadline(dossier, situation, index, now);
        dossier.CurrentStepIndex = index;
        dossier.CurrentStepRole = planned.Role;
        dossier.CurrentUnitId = unitId;
        dossier.CurrentAssigneeId = assigneeId;
        dossier.CurrentAssigneeName = assigneeName;
        dossier.CurrentStepDeadline = deadline;
        db.Add(new DossierStep
        {
            DossierId = dossier.Id,
            Index = index,
            Name = planned.Name,
            Role = planned.Role,
            UnitId = unitId,
            UnitName = unitName,
            AssigneeId = assigneeId,
            AssigneeName = assigneeName,
            StartedAt = now,
            Deadline = deadline,
        });
    }

    /// <summary>A step's deadline from its share of the dossier's processing time, never after the dossier's due moment.</summary>
    private static DateTimeOffset? StepDeadline(Dossier dossier, Situation situation, int index, DateTimeOffset startedAt)
    {
        if (dossier.ReceivedAt is not { } received || dossier.OriginalDueAt is not { } originalDue)
        {
            return null;
        }
        var total = situation.Calendar.WorkingTimeBetween(received, originalDue);
        return Cap(DossierProcess.StepDeadline(situation.Calendar, situation.Steps[index], startedAt, total), dossier.DueAt);
    }

    private async Task CloseOpenStepAsync(Dossier dossier, DateTimeOffset now, string? note, CancellationToken cancellationToken) =>
        await UpdateOpenStepAsync(dossier, step =>
        {
            step.FinishedAt = now;
            step.FinishedByName = actor.DisplayName;
            step.Note = note is null ? null : Truncate(note, MaxText);
            step.Timeliness = step.Deadline is { } deadline ? TimelinessRules.Classify(now, deadline) : null;
        }, cancellationToken);

    private async Task UpdateOpenStepAsync(Dossier dossier, Action<DossierStep> change, CancellationToken cancellationToken)
    {
        var step = db.ChangeTracker.Entries<DossierStep>().Select(e => e.Entity).FirstOrDefault(s => s.DossierId == dossier.Id && s.FinishedAt is null)
            ?? await db.Set<DossierStep>().Where(s => s.DossierId == dossier.Id && s.FinishedAt == null).OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (step is not null)
        {
            change(step);
        }
    }

    /// <summary>Sends the dossier to every agency the procedure consults, in parallel, each with its own deadline.</summary>
    private string Consult(Dossier dossier, Situation situation, OfficerScope scope, DateTimeOffset now, string? note)
    {
        var consulted = situation.Version.InterAgency?.Consulted ?? [];
        if (consulted.Count == 0)
        {
            throw ProblemException.BadRequest("not_inter_agency", "Thủ tục không có cơ quan phối hợp liên thông", "Thủ tục này không quy định lấy ý kiến cơ quan khác.");
        }
        var lines = new List<string>();
        var validation = new Validation();
        foreach (var agency in consulted)
        {
            var unit = DossierProcess.ConsultedUnit(scope.Tree, dossier.ProcessingUnitId, agency.UnitKind);
            if (unit is null)
            {
                validation.Add("consulted", $"Không tìm thấy đơn vị tương ứng với \"{agency.Name}\" trong cơ cấu tổ chức.");
                continue;
            }
            var allowance = new ProcessingTime(agency.Value, ProcessingTime.TryParseUnit(agency.Unit, out var unitOfTime) ? unitOfTime : TimeUnit.WorkingDays);
            var deadline = situation.Calendar.Due(now, allowance);
            db.Add(new Consultation
            {
                DossierId = dossier.Id,
                UnitId = unit.Id,
                UnitName = unit.Name,
                AgencyName = agency.Name,
                SentAt = now,
                Deadline = deadline,
            });
            lines.Add($"{unit.Name} (hạn {Format(deadline)})");
        }
        validation.ThrowIfInvalid();
        return $"Gửi lấy ý kiến: {string.Join("; ", lines)}.{Suffix(note)}";
    }

    private string Answer(Dossier dossier, DossierActionRequest request, Situation situation, OfficerScope scope, DateTimeOffset now)
    {
        var mine = situation.Consultations
            .Where(c => c.AnsweredAt is null && (scope.Covers(Domain.Organisation.Role.Specialist, c.UnitId) || scope.Covers(Domain.Organisation.Role.Leader, c.UnitId)))
            .ToList();
        var consultation = request.ConsultationId is { } id ? mine.FirstOrDefault(c => c.Id == id) : mine.FirstOrDefault();
        if (consultation is null)
        {
            throw Invalid("consultationId", "Không có yêu cầu lấy ý kiến nào của đơn vị bạn đang chờ trả lời.");
        }
        var answer = Required(request.Answer ?? request.Note, "answer", "nội dung trả lời");
        consultation.AnsweredAt = now;
        consultation.Answer = answer;
        consultation.AnsweredByName = actor.DisplayName;
        consultation.Timeliness = TimelinessRules.Classify(now, consultation.Deadline);
        return $"{consultation.UnitName} trả lời ({consultation.Timeliness.Value.Vietnamese().ToLowerInvariant()}): {answer}";
    }

    /// <summary>The officer's name, after checking they may hold the step at that unit.</summary>
    private async Task<string> AssigneeNameAsync(Dossier dossier, Guid officerId, Guid unitId, OfficerScope scope, CancellationToken cancellationToken, StepRole? role = null)
    {
        var needed = DossierProcess.OfficerRole(role ?? dossier.CurrentStepRole);
        var officer = await db.Officers.AsNoTracking().Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == officerId && o.IsActive, cancellationToken);
        if (officer is null || !officer.Grants.Any(g => g.Role == needed && scope.Tree.IsWithin(unitId, g.UnitId)))
        {
            throw Invalid("assigneeId", $"Cán bộ được chọn không có vai trò {Domain.Organisation.RoleNames.Vietnamese(needed)} tại đơn vị xử lý.");
        }
        return officer.FullName;
    }

    private void Notify(Dossier dossier, DossierAction action, DossierStatus from, DossierActionRequest request)
    {
        switch (action)
        {
            case DossierAction.Accept:
                notices.Received(dossier);
                break;
            case DossierAction.RequestSupplement:
                notices.SupplementRequested(dossier, Items(request.MissingItems));
                break;
            case DossierAction.Apologize:
                notices.Apologized(dossier);
                break;
            default:
                if (dossier.Status == DossierStatus.ResultReady && from != DossierStatus.ResultReady)
                {
                    notices.ResultReady(dossier);
                }
                break;
        }
    }

    /// <summary>Starts the clock of an accepted online dossier.</summary>
    private void Start(Dossier dossier, WorkingCalendar calendar, DateTimeOffset now)
    {
        var clock = DeadlineClock.Start(calendar, dossier.Allowance, now);
        dossier.ReceivedAt = now;
        dossier.OriginalDueAt = clock.DueAt;
        ApplyClock(dossier, clock, now);
        dossier.CurrentStepDeadline = DossierProcess.ReceptionDeadline(calendar, now);
    }

    /// <summary>Processing ended: the clock stops and the dossier is classed early, on time or late.</summary>
    private static void Finish(Dossier dossier, WorkingCalendar calendar, DateTimeOffset now)
    {
        var due = dossier.DueAt ?? calendar.AddWorkingTime(now, TimeSpan.FromTicks(dossier.RemainingTicks));
        dossier.DueAt = due;
        dossier.FinishedAt = now;
        dossier.Timeliness = TimelinessRules.Classify(now, due, dossier.SupplementRequests);
        dossier.ClockState = ClockState.Stopped;
        dossier.RemainingTicks = 0;
        dossier.ClockSince = now;
    }

    private static DeadlineClock Clock(Dossier dossier, DateTimeOffset now)
    {
        var since = dossier.ClockSince ?? dossier.ReceivedAt ?? now;
        var kind = dossier.ClockState == ClockState.Suspended ? ClockSegmentKind.Suspended : ClockSegmentKind.Running;
        return new DeadlineClock(dossier.Allowance, dossier.ClockState, dossier.DueAt, TimeSpan.FromTicks(dossier.RemainingTicks),
            [new ClockSegment(kind, since > now ? now : since, null, dossier.DueAt, null)]);
    }

    private static void ApplyClock(Dossier dossier, DeadlineClock clock, DateTimeOffset now)
    {
        dossier.ClockState = clock.State;
        dossier.DueAt = clock.DueAt;
        dossier.RemainingTicks = clock.Remaining.Ticks;
        dossier.ClockSince = now;
    }

    private static DateTimeOffset? Cap(DateTimeOffset? deadline, DateTimeOffset? due) =>
        deadline is { } d && due is { } u && d > u ? u : deadline;

    private static List<string> Items(IReadOnlyList<string>? items)
    {
        var list = (items ?? []).Select(VietnameseText.Normalize).Where(i => i.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw Invalid("missingItems", "Liệt kê đầy đủ các giấy tờ cần bổ sung (một lần).");
        }
        return list;
    }

    private static string Required(string? value, string field, string label) =>
        Text(value) is { } text ? Truncate(text, MaxText) : throw Invalid(field, $"Vui lòng nhập {label}.");

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : Truncate(VietnameseText.Normalize(value), MaxText);

    private static string Suffix(string? note) => note is null ? "" : " " + note;

    private static string Format(DateTimeOffset? instant) => instant?.ToVietnam().ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static ProblemException Invalid(string field, string message) =>
        new(400, "validation_failed", "Dữ liệu không hợp lệ", message, new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemException Stale() =>
        ProblemException.Conflict("concurrency_conflict", "Hồ sơ vừa được người khác cập nhật",
            "Một cán bộ khác vừa thao tác trên hồ sơ này. Vui lòng tải lại hồ sơ và thực hiện lại nếu vẫn cần.");
}
