//! ISO 3166-1 alpha-2 country codes: the form's lists and the API accept these and nothing else.

use serde::{Deserialize, Serialize};

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted.
const ASSIGNED: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL \
BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC \
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE \
NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD \
SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA \
UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Every assigned code, in order.
pub fn assigned() -> impl Iterator<Item = &'static str> {
    ASSIGNED.split(' ').filter(|code| !code.is_empty())
}

/// A valid, upper-case ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn parse(raw: &str) -> Result<CountryCode, &'static str> {
        let upper = raw.trim().to_ascii_uppercase();
        let bytes = upper.as_bytes();
        if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err("invalid_country");
        }
        if ASSIGNED.split(' ').any(|code| code == upper) {
            Ok(CountryCode([bytes[0], bytes[1]]))
        } else {
            Err("unknown_country")
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes were checked to be ASCII upper-case letters when parsed.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

impl TryFrom<String> for CountryCode {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.as_str().to_owned()
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_assigned_codes_only() {
        assert_eq!(
            CountryCode::parse("kh").map(|c| c.to_string()),
            Ok("KH".into())
        );
        assert_eq!(
            CountryCode::parse("MM").map(|c| c.to_string()),
            Ok("MM".into())
        );
        assert_eq!(CountryCode::parse("XX"), Err("unknown_country"));
        assert_eq!(CountryCode::parse("KHM"), Err("invalid_country"));
        assert_eq!(CountryCode::parse("1A"), Err("invalid_country"));
        assert_eq!(ASSIGNED.split(' ').count(), 249);
    }
}
