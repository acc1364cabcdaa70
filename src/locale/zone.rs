//! A responder's time zone: an IANA name that the bundled time zone database knows (jiff's copy,
//! so the distroless image, which has no /usr/share/zoneinfo, knows them too). Times are stored in
//! UTC; a page shows them in the reader's zone, with its offset written out, so that a time read
//! aloud over the phone to a colleague elsewhere is still unambiguous.

use jiff::tz::TimeZone;

/// The zones offered on the settings page: where the compounds are, where the people held there
/// come from, and where the desks that receive their reports sit. Any other IANA name is accepted
/// too; these are what a list can show on a phone.
pub const OFFERED: &[&str] = &[
    "UTC",
    "Asia/Phnom_Penh",
    "Asia/Yangon",
    "Asia/Vientiane",
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Kuala_Lumpur",
    "Asia/Jakarta",
    "Asia/Makassar",
    "Asia/Manila",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Kathmandu",
    "Asia/Colombo",
    "Asia/Dubai",
    "Africa/Nairobi",
    "Africa/Lagos",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
];

/// A time zone the database knows, with the name it was chosen by.
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    zone: TimeZone,
}

impl Zone {
    /// The zone of this IANA name, if the database knows it.
    pub fn parse(name: &str) -> Option<Zone> {
        let name = name.trim();
        let zone = TimeZone::get(name).ok()?;
        Some(Zone {
            name: name.to_owned(),
            zone,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The wall-clock parts of a moment in this zone, and its offset from UTC ("UTC+07:00").
    pub fn civil(&self, seconds: i64) -> Option<Civil> {
        let at = jiff::Timestamp::from_second(seconds).ok()?;
        let zoned = at.to_zoned(self.zone.clone());
        let offset = zoned.offset().seconds();
        let sign = if offset < 0 { '-' } else { '+' };
        let offset = offset.unsigned_abs();
        Some(Civil {
            year: zoned.year(),
            month: zoned.month(),
            day: zoned.day(),
            hour: zoned.hour(),
            minute: zoned.minute(),
            offset: format!("UTC{sign}{:02}:{:02}", offset / 3600, offset % 3600 / 60),
        })
    }
}

/// A date and time as a wall clock in some zone shows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i16,
    pub month: i8,
    pub day: i8,
    pub hour: i8,
    pub minute: i8,
    pub offset: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offered_zone_is_known_and_an_unknown_name_is_not() {
        for name in OFFERED {
            assert!(Zone::parse(name).is_some(), "{name}");
        }
        assert!(Zone::parse("Asia/Atlantis").is_none());
        assert!(Zone::parse("").is_none());
    }

    #[test]
    fn a_moment_reads_as_the_zone_s_wall_clock_with_its_offset() {
        // 2026-12-03 17:20 UTC is twenty past midnight the next day in Phnom Penh.
        let at = 1_796_318_400;
        let civil = Zone::parse("Asia/Phnom_Penh").and_then(|z| z.civil(at));
        assert_eq!(
            civil,
            Some(Civil {
                year: 2026,
                month: 12,
                day: 4,
                hour: 0,
                minute: 20,
                offset: "UTC+07:00".into()
            })
        );
        let kathmandu = Zone::parse("Asia/Kathmandu").and_then(|z| z.civil(at));
        assert_eq!(kathmandu.map(|c| c.offset), Some("UTC+05:45".into()));
    }
}
