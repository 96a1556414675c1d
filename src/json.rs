//! JSON text in: the reader every document from outside passes through (imported files, saved
//! work, objects from the JavaScript API), and the built-in instrument.
//!
//! It is ours rather than serde_json's because of what a browser module pays for generality:
//! serde_json's deserialiser, the derived visitors for each type and float parsing cost the
//! gzipped page about 25 KB (measured by building both). Documents only ever need whole numbers, so a number is kept as the text it was
//! written in (`2.5` is shown back to the user as `2.5`) and read as a whole number when asked.
//! A syntax error says where (line and column, counted in characters) and what, in words.
//!
//! Values borrow from the text: a string without escapes, a field name and a number are slices
//! of it, so reading 10,000 assessments allocates little more than the lists that hold them.

use std::borrow::Cow;
use std::fmt::{self, Display, Write};

/// Deeper than any document this toolkit writes (4 levels), shallow enough that the recursive
/// reader can never exhaust the stack. serde_json uses the same limit.
const MAX_DEPTH: usize = 128;

/// A parsed JSON value, borrowing from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number's text exactly as written, already checked against JSON's grammar.
    Number(&'a str),
    /// A string, escapes resolved.
    String(Cow<'a, str>),
    /// `[...]`.
    Array(Vec<Value<'a>>),
    /// `{...}`.
    Object(Object<'a>),
}

/// A JSON object's fields in the order they were written. A name may appear once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    /// The value of a field.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Takes a field out.
    pub fn remove(&mut self, key: &str) -> Option<Value<'a>> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// The field names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for Object<'a> {
    type Item = (Cow<'a, str>, Value<'a>);
    type IntoIter = std::vec::IntoIter<(Cow<'a, str>, Value<'a>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> Value<'a> {
    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The fields of an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The value of `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The number as a whole number, if it is one: `3`, `3.0`, `0.3e1` and `300e-2` all read
    /// as 3 (JavaScript and other tools write whole numbers in all these ways); `2.5`, `-1`,
    /// text and anything beyond `u32` do not.
    pub fn as_whole(&self) -> Option<u32> {
        let &Value::Number(text) = self else { return None };
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().ok()?),
            None => (text, 0),
        };
        if mantissa.starts_with('-') {
            return (mantissa.bytes().all(|b| matches!(b, b'-' | b'0' | b'.'))).then_some(0);
        }
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // All the significant digits, and where the decimal point falls among them.
        let digits = format!("{int}{frac}");
        let point = int.len() as i64 + i64::from(exponent);
        let digits = digits.trim_start_matches('0');
        let point = point - (int.len() + frac.len() - digits.len()) as i64;
        let digits = digits.trim_end_matches('0');
        if digits.is_empty() {
            return Some(0);
        }
        if point < digits.len() as i64 || point > 10 {
            return None;
        }
        let mut value: u64 = 0;
        for b in digits.bytes() {
            value = value * 10 + u64::from(b - b'0');
        }
        for _ in digits.len() as i64..point {
            value *= 10;
        }
        u32::try_from(value).ok()
    }
}

/// Compact JSON, as written in a message about a value (`found [1,2]`).
impl Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => f.write_str(n),
            Value::String(s) => write_string(f, s),
            Value::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Value::Object(object) => {
                f.write_char('{')?;
                for (i, (key, value)) in object.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

/// A string as a JSON string literal.
pub fn write_string(out: &mut impl Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so the runs between them are whole characters.
        out.write_str(&text[run..i])?;
        match escape {
            "" => write!(out, "\\u{b:04x}")?,
            escape => out.write_str(escape)?,
        }
        run = i + 1;
    }
    out.write_str(&text[run..])?;
    out.write_char('"')
}

/// Where a text stops being JSON, and why, in words a non-developer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

impl Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.reason)
    }
}

const END: &str = "the file ends before the data is complete";
const UNEXPECTED: &str = "unexpected text";
const MISSING_COMMA: &str = "a comma or closing bracket is missing";
const BAD_NUMBER: &str = "a number is not written correctly";
const TWICE: &str = "a field name appears twice in the same object";
/// Objects up to this many fields are checked for a repeated name field by field.
const SMALL: usize = 16;
const BAD_ESCAPE: &str = "a backslash inside quotes is not followed by a valid escape";

/// Parses one JSON value that makes up the whole text (spaces around it aside).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    // A byte-order mark, as some editors write at the start of a UTF-8 file, is not data
    // (RFC 8259 allows a reader to ignore it). Positions still count it as column 1.
    let mut parser = Parser { src: text, text: text.as_bytes(), at: 0, fields: Vec::new(), items: Vec::new() };
    if text.starts_with('\u{feff}') {
        parser.at = '\u{feff}'.len_utf8();
    }
    let value = parser.value(0).map_err(|reason| parser.error(reason))?;
    parser.space();
    if parser.at < parser.text.len() {
        return Err(parser.error("extra text after the end of the data"));
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a str,
    text: &'a [u8],
    at: usize,
    /// The fields of the objects being read, innermost last: each object's fields are moved
    /// out into a list of exactly the right size when it closes.
    fields: Vec<(Cow<'a, str>, Value<'a>)>,
    /// The same for arrays.
    items: Vec<Value<'a>>,
}

type Step<T> = Result<T, &'static str>;

impl<'a> Parser<'a> {
    /// Turns the current position into a line and a column for people.
    fn error(&self, reason: &'static str) -> SyntaxError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        // Characters, not bytes: UTF-8 continuation bytes do not start a character.
        let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        SyntaxError { line, column, reason }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Step<u8> {
        self.space();
        self.text.get(self.at).copied().ok_or(END)
    }

    fn value(&mut self, depth: usize) -> Step<Value<'a>> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            _ => Err(UNEXPECTED),
        }
    }

    fn word(&mut self, word: &str, value: Value<'a>) -> Step<Value<'a>> {
        for &expected in word.as_bytes() {
            match self.text.get(self.at) {
                Some(&b) if b == expected => self.at += 1,
                Some(_) => return Err(UNEXPECTED),
                None => return Err(END),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Step<Value<'a>> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.text.get(p.at) {
                p.at += 1;
            }
            p.at > from
        };
        if self.text.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let leading_zero = self.text.get(self.at) == Some(&b'0');
        let int_start = self.at;
        if !digits(self) || (leading_zero && self.at - int_start > 1) {
            return Err(self.text.get(self.at).map_or(END, |_| BAD_NUMBER));
        }
        if self.text.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.text.get(self.at).map_or(END, |_| BAD_NUMBER));
            }
        }
        if let Some(b'e' | b'E') = self.text.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.text.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.text.get(self.at).map_or(END, |_| BAD_NUMBER));
            }
        }
        Ok(Value::Number(&self.src[start..self.at]))
    }

    fn string(&mut self) -> Step<Cow<'a, str>> {
        self.at += 1; // the opening quote
        let start = self.at;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(&b) = self.text.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            match self.text.get(self.at) {
                // Runs end only at ASCII bytes, so they are whole characters of the &str.
                Some(b'"') if run == start => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.src[start..self.at - 1]));
                }
                Some(b'"') => {
                    out.push_str(&self.src[run..self.at]);
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                None => return Err(END),
                Some(b'\\') => {
                    out.push_str(&self.src[run..self.at]);
                    self.at += 1;
                    let escaped = match self.text.get(self.at).ok_or(END)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(BAD_ESCAPE),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(_) => return Err("a line break or control character inside quotes"),
            }
        }
    }

    /// `\uXXXX`, or a pair of them for a character beyond the first 65,536. Leaves `at` on
    /// the last hex digit.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.get(self.at + 1..self.at + 3) != Some(b"\\u") {
                    return Err(BAD_ESCAPE);
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(BAD_ESCAPE);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(BAD_ESCAPE),
            code => code,
        };
        char::from_u32(code).ok_or(BAD_ESCAPE)
    }

    /// Reads the four hex digits after a `u` at `at`; leaves `at` on the last of them.
    fn hex4(&mut self) -> Step<u32> {
        let mut code = 0;
        for _ in 0..4 {
            self.at += 1;
            let digit = match self.text.get(self.at).ok_or(END)? {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'a'..=b'f' => b - b'a' + 10,
                b @ b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(BAD_ESCAPE),
            };
            code = code * 16 + u32::from(digit);
        }
        Ok(code)
    }

    fn array(&mut self, depth: usize) -> Step<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err("the data is nested too deeply");
        }
        self.at += 1;
        let base = self.items.len();
        if self.peek()? == b']' {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            let item = self.value(depth)?;
            self.items.push(item);
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    if self.peek()? == b']' {
                        return Err("a comma before a closing bracket");
                    }
                }
                b']' => {
                    self.at += 1;
                    return Ok(Value::Array(self.items.drain(base..).collect()));
                }
                _ => return Err(MISSING_COMMA),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Step<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err("the data is nested too deeply");
        }
        self.at += 1;
        let base = self.fields.len();
        let mut key_starts = Vec::new();
        if self.peek()? == b'}' {
            self.at += 1;
            return Ok(Value::Object(Object(Vec::new())));
        }
        loop {
            match self.peek()? {
                b'"' => {}
                b'}' if self.fields.len() > base => return Err("a comma before a closing bracket"),
                _ => return Err("a field name is not in double quotes"),
            }
            let key_at = self.at;
            let key = self.string()?;
            if self.peek()? != b':' {
                return Err("a colon is missing after a field name");
            }
            self.at += 1;
            let value = self.value(depth)?;
            // Which of two values was meant cannot be known, so a repeated name is refused.
            // Small objects are checked as they are read; large ones by sorting once at the end,
            // so a hostile file with many thousands of names cannot freeze the page.
            let fields = &self.fields[base..];
            if fields.len() < SMALL && fields.iter().any(|(k, _)| *k == key) {
                self.at = key_at;
                return Err(TWICE);
            }
            if fields.len() >= SMALL {
                key_starts.push(key_at);
            }
            self.fields.push((key, value));
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    let fields = &self.fields[base..];
                    if fields.len() > SMALL {
                        let order = crate::order_by(fields.len(), &mut |a, b| fields[a].0.cmp(&fields[b].0));
                        if let Some(pair) = order.windows(2).find(|w| fields[w[0]].0 == fields[w[1]].0) {
                            // The first SMALL names were checked as they came.
                            self.at = key_starts[pair[1] - SMALL];
                            return Err(TWICE);
                        }
                    }
                    self.at += 1;
                    return Ok(Value::Object(Object(self.fields.drain(base..).collect())));
                }
                _ => return Err(MISSING_COMMA),
            }
        }
    }
}
