namespace MotCua.Domain.Dossiers;

/// <summary>What the state machine needs to know about a dossier besides its status.</summary>
public readonly record struct TransitionContext(
    StepRole CurrentStep,
    bool NextStepIsReturn,
    bool HasApologized,
    bool BeforeDue,
    bool ConsultationsPending,
    bool WithinSupplementWindow);

public readonly record struct Transition(DossierStatus To, string? Refusal)
{
    public bool Allowed => Refusal is null;

    public static Transition Into(DossierStatus to) => new(to, null);

    public static Transition Refuse(string reason) => new(default, reason);
}

/// <summary>
/// The one place that decides which action a dossier allows in its state (Decree 61/2018 art. 15–20, as
/// carried into Decree 118/2025): every transition of the system goes through <see cref="Decide"/>.
/// </summary>
public static class DossierStateMachine
{
    public static Transition Decide(DossierStatus status, DossierAction action, TransitionContext context)
    {
        if (status.IsFinal())
        {
            return Transition.Refuse($"Hồ sơ ở trạng thái \"{status.Vietnamese()}\" đã kết thúc.");
        }
        var active = status is DossierStatus.Received or DossierStatus.InProgress;
        var open = active || status is DossierStatus.AwaitingSupplement or DossierStatus.Suspended;
        return action switch
        {
            DossierAction.Accept or DossierAction.Refuse => status == DossierStatus.Submitted
                ? Transition.Into(action == DossierAction.Accept ? DossierStatus.Received : DossierStatus.NotAccepted)
                : Wrong(status, action, "trực tuyến đang chờ tiếp nhận"),
            DossierAction.Transfer => active && context.CurrentStep is StepRole.Reception or StepRole.Specialist
                ? context.ConsultationsPending
                    ? Transition.Refuse("Còn cơ quan phối hợp liên thông chưa trả lời.")
                    : Transition.Into(context.NextStepIsReturn ? DossierStatus.ResultReady : DossierStatus.InProgress)
                : Wrong(status, action, "ở bước tiếp nhận hoặc thẩm định"),
            DossierAction.Approve or DossierAction.Reject => status == DossierStatus.InProgress && context.CurrentStep == StepRole.Leader
                ? Transition.Into(context.NextStepIsReturn ? DossierStatus.ResultReady : DossierStatus.InProgress)
                : Wrong(status, action, "ở bước lãnh đạo phê duyệt"),
            DossierAction.Seal => status == DossierStatus.InProgress && context.CurrentStep == StepRole.Clerk
                ? Transition.Into(DossierStatus.ResultReady)
                : Wrong(status, action, "ở bước văn thư"),
            DossierAction.RequestSupplement => active && context.CurrentStep is StepRole.Reception or StepRole.Specialist
                ? context.WithinSupplementWindow
                    ? Transition.Into(DossierStatus.AwaitingSupplement)
                    : Transition.Refuse("Đã quá 03 ngày làm việc kể từ ngày tiếp nhận: không được yêu cầu bổ sung (khoản 2 Điều 19 Nghị định 61/2018/NĐ-CP).")
                : Wrong(status, action, "đang tiếp nhận hoặc thẩm định"),
            DossierAction.Supplement => status == DossierStatus.AwaitingSupplement
                ? Transition.Into(DossierStatus.InProgress)
                : Wrong(status, action, "đang chờ bổ sung"),
            DossierAction.Suspend => active
                ? Transition.Into(DossierStatus.Suspended)
                : Wrong(status, action, "đang giải quyết"),
            DossierAction.Resume => status == DossierStatus.Suspended
                ? Transition.Into(DossierStatus.InProgress)
                : Wrong(status, action, "đang tạm dừng"),
            // The apology moves the due moment of a running clock; a suspended clock has none to move.
            DossierAction.Apologize => active
                ? context.HasApologized
                    ? Transition.Refuse("Hồ sơ đã được xin lỗi, hẹn lại một lần; không được hẹn lại lần nữa.")
                    : context.BeforeDue
                        ? Transition.Into(status)
                        : Transition.Refuse("Đã quá thời hạn giải quyết: văn bản xin lỗi, hẹn lại phải gửi trước thời hạn.")
                : Wrong(status, action, "đang giải quyết"),
            DossierAction.ReturnResult => status == DossierStatus.ResultReady
                ? Transition.Into(DossierStatus.Returned)
                : Wrong(status, action, "đã có kết quả"),
            DossierAction.Withdraw => open
                ? Transition.Into(DossierStatus.Withdrawn)
                : Wrong(status, action, "đã tiếp nhận và chưa có kết quả"),
            DossierAction.Stop => open
                ? Transition.Into(DossierStatus.Stopped)
                : Wrong(status, action, "đã tiếp nhận và chưa có kết quả"),
            DossierAction.Consult => status == DossierStatus.InProgress && context.CurrentStep == StepRole.Specialist
                ? context.ConsultationsPending
                    ? Transition.Refuse("Hồ sơ đang chờ ý kiến liên thông; chỉ gửi lại khi các cơ quan đã trả lời.")
                    : Transition.Into(status)
                : Wrong(status, action, "ở bước thẩm định của cơ quan chủ trì"),
            DossierAction.Answer => status is DossierStatus.InProgress or DossierStatus.Suspended
                ? context.ConsultationsPending
                    ? Transition.Into(status)
                    : Transition.Refuse("Không có yêu cầu lấy ý kiến nào đang chờ trả lời.")
                : Wrong(status, action, "đang giải quyết"),
            DossierAction.Assign or DossierAction.Claim => active || status is DossierStatus.Submitted or DossierStatus.ResultReady
                ? Transition.Into(status)
                : Wrong(status, action, "đang chờ xử lý"),
            _ => Transition.Refuse("Thao tác không được hỗ trợ."),
        };
    }

    /// <summary>Every action the dossier allows now, in the order a page lists them.</summary>
    public static IEnumerable<DossierAction> Allowed(DossierStatus status, TransitionContext context) =>
        Enum.GetValues<DossierAction>().Where(a => Decide(status, a, context).Allowed);

    private static Transition Wrong(DossierStatus status, DossierAction action, string when) =>
        Transition.Refuse($"Chỉ được \"{action.Vietnamese().ToLowerInvariant()}\" khi hồ sơ {when}; hồ sơ đang \"{status.Vietnamese().ToLowerInvariant()}\".");
}
