//! The JSON reader every outside document passes through: what it accepts, how it reads
//! numbers, and what it says about text that is not JSON. tests/properties.rs holds it to
//! serde_json's answers on many thousands of damaged documents.
use collab_toolkit::json::{parse, Value};

fn reason(text: &str) -> String {
    parse(text).expect_err("must be refused").to_string()
}

#[test]
fn values_read_as_written() {
    let v = parse(r#" {"a": [1, -2.5e3, "x\"\\\/\n\u00e9\ud83d\ude00", true, false, null], "b": {}} "#).expect("valid");
    assert_eq!(v.to_string(), r#"{"a":[1,-2.5e3,"x\"\\/\né😀",true,false,null],"b":{}}"#);
    let a = v.as_object().and_then(|o| o.get("a")).and_then(Value::as_array).expect("array");
    assert_eq!(a[2].as_str(), Some("x\"\\/\né😀"));
}

#[test]
fn a_byte_order_mark_at_the_start_is_not_data() {
    assert_eq!(parse("\u{feff}{\"a\": 1}").expect("valid").to_string(), r#"{"a":1}"#);
    assert_eq!(reason("\u{feff}{a}"), "line 1, column 3: a field name is not in double quotes");
    assert_eq!(reason("[\u{feff}]"), "line 1, column 2: unexpected text");
}

#[test]
fn whole_numbers_are_read_however_they_are_written() {
    for (text, whole) in [
        ("3", Some(3)), ("3.0", Some(3)), ("0.3e1", Some(3)), ("300e-2", Some(3)), ("3E+0", Some(3)),
        ("0", Some(0)), ("-0", Some(0)), ("4000000000", Some(4_000_000_000)), ("2.5", None), ("-1", None),
        ("5e-1", None), ("1e400", None), ("99999999999", None), ("1e99999999999", None),
    ] {
        assert_eq!(parse(text).expect(text).as_whole(), whole, "{text}");
    }
    assert_eq!(parse("\"3\"").expect("valid").as_whole(), None);
}

#[test]
fn syntax_errors_say_where_in_characters_and_what_in_words() {
    assert_eq!(reason(""), "line 1, column 1: the file ends before the data is complete");
    assert_eq!(reason("{\"a\": 1,}"), "line 1, column 9: a comma before a closing bracket");
    assert_eq!(reason("[1, 2,]"), "line 1, column 7: a comma before a closing bracket");
    assert_eq!(reason("{a: 1}"), "line 1, column 2: a field name is not in double quotes");
    assert_eq!(reason("{\"a\" 1}"), "line 1, column 6: a colon is missing after a field name");
    assert_eq!(reason("[1 2]"), "line 1, column 4: a comma or closing bracket is missing");
    assert_eq!(reason("{} {}"), "line 1, column 4: extra text after the end of the data");
    assert_eq!(reason("[01]"), "line 1, column 4: a number is not written correctly");
    assert_eq!(reason("\"a\nb\""), "line 1, column 3: a line break or control character inside quotes");
    assert_eq!(reason(r#""\x""#), "line 1, column 3: a backslash inside quotes is not followed by a valid escape");
    assert_eq!(reason(r#""\ud83d""#), "line 1, column 7: a backslash inside quotes is not followed by a valid escape");
    // Columns count characters, so a line of accented names points at the right place.
    assert_eq!(reason("{\n  \"é😀\": tru }"), "line 2, column 12: unexpected text");
}

#[test]
fn a_repeated_field_name_is_refused_because_which_value_was_meant_cannot_be_known() {
    assert_eq!(reason(r#"{"a": 1, "b": 2, "a": 3}"#), "line 1, column 18: a field name appears twice in the same object");
    // Large objects are checked by sorting once, so a hostile file cannot make this slow.
    let many: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!("{{{}, \"k7\": 0}}", many.join(", "));
    assert!(reason(&text).ends_with("a field name appears twice in the same object"));
    assert!(parse(&format!("{{{}}}", many.join(", "))).is_ok());
}

#[test]
fn nesting_is_limited_so_the_reader_cannot_exhaust_the_stack() {
    assert!(parse(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
    assert!(reason(&format!("{}{}", "[".repeat(129), "]".repeat(129))).ends_with("the data is nested too deeply"));
    assert!(reason(&"[{\"a\":".repeat(100_000)).ends_with("the data is nested too deeply"));
}
