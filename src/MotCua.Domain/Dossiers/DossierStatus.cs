namespace MotCua.Domain.Dossiers;

public enum DossierStatus
{
    /// <summary>Submitted online (own portal or NPSP), waiting for the desk to check it: the clock has not started.</summary>
    Submitted,
    /// <summary>Received at the desk (or online), not yet handed to the processing agency.</summary>
    Received,
    /// <summary>Moving through the internal process.</summary>
    InProgress,
    /// <summary>A supplement was requested; the clock waits and restarts from zero on arrival.</summary>
    AwaitingSupplement,
    /// <summary>Stopped for a reason outside the agency (financial obligation, verification); the clock stops.</summary>
    Suspended,
    /// <summary>Decided (approved or rejected with reasons) and sealed; waiting to be returned.</summary>
    ResultReady,
    /// <summary>The result was returned: at the desk, by post or electronically.</summary>
    Returned,
    /// <summary>The applicant withdrew the dossier.</summary>
    Withdrawn,
    /// <summary>The agency stopped processing it.</summary>
    Stopped,
    /// <summary>Refused at the desk (form 03): never received.</summary>
    NotAccepted,
    /// <summary>Incomplete at the desk (form 02): the applicant was asked for every missing item; never received.</summary>
    IncompleteAtDesk,
}

public enum DossierAction
{
    /// <summary>The desk accepts an online dossier after checking it: the clock starts.</summary>
    Accept,
    /// <summary>The desk refuses an online dossier with reasons (form 03).</summary>
    Refuse,
    Transfer,
    Approve,
    Reject,
    Seal,
    RequestSupplement,
    Supplement,
    Suspend,
    Resume,
    Apologize,
    ReturnResult,
    Withdraw,
    Stop,
    Consult,
    Answer,
    Assign,
    Claim,
}

public enum Channel
{
    Direct,
    Online,
    Postal,
}

public enum Outcome
{
    Approved,
    Rejected,
}

/// <summary>Who performs a step of the internal process, as the catalogue names it.</summary>
public enum StepRole
{
    Reception,
    Specialist,
    Leader,
    Clerk,
    Return,
}

public static class DossierTerms
{
    public static string Key(this DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "submitted",
        DossierStatus.Received => "received",
        DossierStatus.InProgress => "in_progress",
        DossierStatus.AwaitingSupplement => "awaiting_supplement",
        DossierStatus.Suspended => "suspended",
        DossierStatus.ResultReady => "result_ready",
        DossierStatus.Returned => "returned",
        DossierStatus.Withdrawn => "withdrawn",
        DossierStatus.Stopped => "stopped",
        DossierStatus.NotAccepted => "not_accepted",
        _ => "incomplete_at_desk",
    };

    public static string Vietnamese(this DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Chờ tiếp nhận",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProgress => "Đang giải quyết",
        DossierStatus.AwaitingSupplement => "Chờ bổ sung hồ sơ",
        DossierStatus.Suspended => "Tạm dừng",
        DossierStatus.ResultReady => "Đã có kết quả, chờ trả",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.Withdrawn => "Đã rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.NotAccepted => "Không tiếp nhận",
        _ => "Hướng dẫn bổ sung tại quầy",
    };

    /// <summary>NPSP status codes (DOMAIN.md): 1 new, 2 accepted, 3 not accepted, 4 in progress, 5 supplement requested, 6 payment requested, 7 withdrawal requested, 8 stopped, 9 processed, 10 result returned.</summary>
    public static int NpspCode(this DossierStatus status) => status switch
    {
        DossierStatus.Submitted => 1,
        DossierStatus.Received => 2,
        DossierStatus.InProgress => 4,
        DossierStatus.AwaitingSupplement => 5,
        DossierStatus.Suspended => 4,
        DossierStatus.ResultReady => 9,
        DossierStatus.Returned => 10,
        DossierStatus.Withdrawn => 7,
        DossierStatus.Stopped => 8,
        DossierStatus.NotAccepted => 3,
        _ => 5,
    };

    /// <summary>KenhThucHien: 1 direct, 2 online, 3 postal.</summary>
    public static int NpspCode(this Channel channel) => channel switch
    {
        Channel.Direct => 1,
        Channel.Online => 2,
        _ => 3,
    };

    public static string Key(this Channel channel) => channel switch
    {
        Channel.Direct => "direct",
        Channel.Online => "online",
        _ => "postal",
    };

    public static string Vietnamese(this Channel channel) => channel switch
    {
        Channel.Direct => "Trực tiếp",
        Channel.Online => "Trực tuyến",
        _ => "Bưu chính",
    };

    public static bool TryParseChannel(string? key, out Channel channel)
    {
        switch (key)
        {
            case "direct": channel = Channel.Direct; return true;
            case "online": channel = Channel.Online; return true;
            case "postal": channel = Channel.Postal; return true;
            default: channel = default; return false;
        }
    }

    public static string Key(this DossierAction action) => action switch
    {
        DossierAction.RequestSupplement => "request-supplement",
        DossierAction.ReturnResult => "return-result",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static bool TryParseAction(string? key, out DossierAction action)
    {
        foreach (var candidate in Enum.GetValues<DossierAction>())
        {
            if (candidate.Key() == key)
            {
                action = candidate;
                return true;
            }
        }
        action = default;
        return false;
    }

    public static string Vietnamese(this DossierAction action) => action switch
    {
        DossierAction.Accept => "Tiếp nhận hồ sơ trực tuyến",
        DossierAction.Refuse => "Từ chối tiếp nhận",
        DossierAction.Transfer => "Chuyển bước xử lý",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.Reject => "Từ chối giải quyết",
        DossierAction.Seal => "Vào sổ, đóng dấu",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung",
        DossierAction.Supplement => "Nhận hồ sơ bổ sung",
        DossierAction.Suspend => "Tạm dừng",
        DossierAction.Resume => "Tiếp tục xử lý",
        DossierAction.Apologize => "Xin lỗi, hẹn lại",
        DossierAction.ReturnResult => "Trả kết quả",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.Stop => "Dừng xử lý",
        DossierAction.Consult => "Gửi lấy ý kiến liên thông",
        DossierAction.Answer => "Trả lời liên thông",
        DossierAction.Assign => "Phân công",
        _ => "Nhận xử lý",
    };

    public static bool TryParseStepRole(string? key, out StepRole role)
    {
        switch (key)
        {
            case "tiep_nhan": role = StepRole.Reception; return true;
            case "chuyen_vien": role = StepRole.Specialist; return true;
            case "lanh_dao": role = StepRole.Leader; return true;
            case "van_thu": role = StepRole.Clerk; return true;
            case "tra_ket_qua": role = StepRole.Return; return true;
            default: role = default; return false;
        }
    }

    public static bool TryParseStatus(string? key, out DossierStatus status)
    {
        foreach (var candidate in Enum.GetValues<DossierStatus>())
        {
            if (candidate.Key() == key)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Processing is over: the result is ready or the dossier reached an end state.</summary>
    public static bool IsResolved(this DossierStatus status) =>
        status is DossierStatus.ResultReady or DossierStatus.Returned or DossierStatus.Withdrawn or DossierStatus.Stopped;

    public static bool IsFinal(this DossierStatus status) =>
        status is DossierStatus.Returned or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.NotAccepted or DossierStatus.IncompleteAtDesk;
}

/// <summary>How the result goes back to the applicant.</summary>
public enum ReturnMethod
{
    Desk,
    Post,
    Online,
}

public static class ReturnMethods
{
    public static string Key(this ReturnMethod method) => method switch
    {
        ReturnMethod.Desk => "desk",
        ReturnMethod.Post => "post",
        _ => "online",
    };

    public static string Vietnamese(this ReturnMethod method) => method switch
    {
        ReturnMethod.Desk => "Trả tại Bộ phận Một cửa",
        ReturnMethod.Post => "Trả qua dịch vụ bưu chính",
        _ => "Trả kết quả điện tử",
    };

    public static bool TryParse(string? key, out ReturnMethod method)
    {
        foreach (var candidate in Enum.GetValues<ReturnMethod>())
        {
            if (candidate.Key() == key)
            {
                method = candidate;
                return true;
            }
        }
        method = default;
        return false;
    }
}
