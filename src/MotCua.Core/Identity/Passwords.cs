using System.Security.Cryptography;
using MotCua.Core.Common;

namespace MotCua.Core.Identity;

/// <summary>Password rules and generated passwords (never fixed ones).</summary>
public static class Passwords
{
    // No look-alikes (0/O, 1/l/I) so a password read off a screen is typed right first time.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public const int MinLength = 10;

    public static string Generate(int length = 16)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
            var candidate = new string(chars);
            if (candidate.Any(char.IsDigit) && candidate.Any(char.IsLetter))
            {
                return candidate;
            }
        }
    }

    /// <summary>Refuses a weak new password with a Vietnamese reason (400 <c>weak_password</c>).</summary>
    public static void EnsureStrong(string? password, string userName, string field = "newPassword")
    {
        string? reason = null;
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            reason = $"Mật khẩu phải có ít nhất {MinLength} ký tự.";
        }
        else if (password.Length > 128)
        {
            reason = "Mật khẩu không được dài quá 128 ký tự.";
        }
        else if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            reason = "Mật khẩu phải có cả chữ và số.";
        }
        else if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            reason = "Mật khẩu không được chứa tên đăng nhập.";
        }
        else if (password.Distinct().Count() < 5)
        {
            reason = "Mật khẩu quá đơn giản.";
        }
        if (reason is not null)
        {
            throw new ProblemException(400, "weak_password", "Mật khẩu chưa đủ mạnh", reason,
                new Dictionary<string, string[]> { [field] = [reason] });
        }
    }
}
