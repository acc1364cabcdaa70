//! Closed lists of choices (relations, indicators, document types, ...). Each choice has a stable
//! code: the value in forms and JSON, the suffix of its catalog key, and what is sealed.

/// Declares an enum of choices with its codes, the list of all of them, and a parser.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every code, in declaration order (the order forms list them).
            pub fn codes() -> Vec<&'static str> {
                Self::ALL.iter().map(|c| c.code()).collect()
            }

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(raw: &str) -> Result<$name, &'static str> {
                match raw.trim() {
                    $($code => Ok($name::$variant),)+
                    _ => Err("unknown_choice"),
                }
            }
        }

        /// By its code, and nothing else: what is read back is what was parsed.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let code = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&code).map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use choices;
