using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public sealed class LunarCalendarTests
{
    /// <summary>
    /// Mùng 1 Tết as printed on published Vietnamese calendars (and in the government's yearly Tết
    /// announcements for the years they cover) — data from outside this code, not computed by it.
    /// </summary>
    public static TheoryData<int, int, int> PublishedTet => new()
    {
        { 1985, 1, 21 }, { 1986, 2, 9 }, { 1987, 1, 29 }, { 1988, 2, 17 }, { 1989, 2, 6 },
        { 1990, 1, 27 }, { 1991, 2, 15 }, { 1992, 2, 4 }, { 1993, 1, 23 }, { 1994, 2, 10 },
        { 1995, 1, 31 }, { 1996, 2, 19 }, { 1997, 2, 7 }, { 1998, 1, 28 }, { 1999, 2, 16 },
        { 2000, 2, 5 }, { 2001, 1, 24 }, { 2002, 2, 12 }, { 2003, 2, 1 }, { 2004, 1, 22 },
        { 2005, 2, 9 }, { 2006, 1, 29 }, { 2007, 2, 17 }, { 2008, 2, 7 }, { 2009, 1, 26 },
        { 2010, 2, 14 }, { 2011, 2, 3 }, { 2012, 1, 23 }, { 2013, 2, 10 }, { 2014, 1, 31 },
        { 2015, 2, 19 }, { 2016, 2, 8 }, { 2017, 1, 28 }, { 2018, 2, 16 }, { 2019, 2, 5 },
        { 2020, 1, 25 }, { 2021, 2, 12 }, { 2022, 2, 1 }, { 2023, 1, 22 }, { 2024, 2, 10 },
        { 2025, 1, 29 }, { 2026, 2, 17 }, { 2027, 2, 6 }, { 2028, 1, 26 }, { 2029, 2, 13 },
        { 2030, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(PublishedTet))]
    public void NewYear_MatchesPublishedVietnameseCalendars(int year, int month, int day)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        Assert.Equal(new DateOnly(year, month, day), tet);
        Assert.Equal(new LunarDate(1, 1, year, false), VietnameseLunarCalendar.FromSolar(tet));
    }

    [Fact]
    public void NewYear_1985_2007And2030_DifferFromTheChineseCalendarAtUtcPlus8()
    {
        // Vietnam keeps UTC+7; a new moon between 16:00 and 17:00 UTC falls on different days
        // (2/2/2030 16:07 UTC: 23:07 in Hà Nội, 00:07 on 3/2 in Beijing).
        var chinese = new ChineseLunisolarCalendar();
        foreach (var year in new[] { 1985, 2007, 2030 })
        {
            var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            Assert.NotEqual(chineseNewYear, VietnameseLunarCalendar.NewYear(year));
        }
        Assert.Equal(new DateOnly(2007, 2, 18), DateOnly.FromDateTime(chinese.ToDateTime(2007, 1, 1, 0, 0, 0, 0)));
    }

    [Fact]
    public void NewYear_AgreesWithTheChineseCalendarInAllButAFewYears()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = Enumerable.Range(1901, 199)
            .Where(y => DateOnly.FromDateTime(chinese.ToDateTime(y, 1, 1, 0, 0, 0, 0)) != VietnameseLunarCalendar.NewYear(y))
            .ToList();
        Assert.Contains(1985, differing);
        Assert.Contains(2007, differing);
        Assert.Contains(2030, differing);
        Assert.True(differing.Count <= 12, $"Tết differs in {differing.Count} years: {string.Join(", ", differing)}");
    }

    [Theory]
    [InlineData(2023, 4, 29)]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2027, 4, 16)]
    public void HungKingsDay_Is10thOfThe3rdLunarMonth(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.ToSolar(new LunarDate(10, 3, year, false)));

    [Fact]
    public void FromSolar_LeapMonthYear2023_HasALeap2ndMonth()
    {
        // 2023 (Quý Mão) had a leap second month from 22/3 to 19/4/2023; the third month began 20/4.
        Assert.Equal(new LunarDate(1, 2, 2023, true), VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal("29/2N", VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 4, 19)).ToString());
        Assert.Equal(new LunarDate(1, 3, 2023, false), VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 4, 20)));
    }

    [Property(MaxTest = 2000)]
    public Property RoundTrip_SolarToLunarToSolar_ReturnsTheSameDate()
    {
        var first = new DateOnly(1900, 2, 1).DayNumber;
        var last = new DateOnly(2199, 12, 31).DayNumber;
        return Prop.ForAll(Gen.Choose(first, last).ToArbitrary(), dayNumber =>
        {
            var date = DateOnly.FromDayNumber(dayNumber);
            return VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.FromSolar(date)) == date;
        });
    }

    [Fact]
    public void FromSolar_ConsecutiveDays_AdvanceTheLunarDayOrStartANewMonth()
    {
        var previous = VietnameseLunarCalendar.FromSolar(new DateOnly(1900, 2, 1));
        for (var date = new DateOnly(1900, 2, 2); date.Year <= 2199; date = date.AddDays(1))
        {
            var current = VietnameseLunarCalendar.FromSolar(date);
            if (current.Day == 1)
            {
                Assert.True(previous.Day is 29 or 30, $"{date}: month before had {previous.Day} days");
            }
            else
            {
                Assert.Equal(previous.Day + 1, current.Day);
                Assert.Equal(previous.Month, current.Month);
            }
            previous = current;
        }
    }

    [Fact]
    public void ToSolar_ImpossibleDates_AreNull()
    {
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(1, 5, 2026, true)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(31, 1, 2026, false)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(1, 13, 2026, false)));
    }
}
