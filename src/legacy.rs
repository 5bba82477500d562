//! Placeholder replaced by the legacy encodings module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyEncoding { Tcvn3, Vni }
impl LegacyEncoding { pub fn name(self) -> &'static str { match self { LegacyEncoding::Tcvn3 => "TCVN3", LegacyEncoding::Vni => "VNI" } } }
pub fn may_be_legacy(_s: &str) -> bool { false }
pub fn decode(_s: &str) -> Option<(String, LegacyEncoding)> { None }
