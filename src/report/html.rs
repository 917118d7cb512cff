//! placeholder
use super::ReportInput;
/// Not written yet.
pub fn render(_input: &ReportInput) -> String {
    String::new()
}
