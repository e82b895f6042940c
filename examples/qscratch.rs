// scratch: delete before handing back
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let step: usize = std::env::args().nth(2).map(|s| s.parse().unwrap()).unwrap_or(1);
    let text = std::fs::read_to_string(&p).unwrap();
    for (k, m) in claimcheck::extract::quantity::scan(&text).iter().enumerate() {
        if k % step != 0 { continue; }
        let mut a = m.span.start.saturating_sub(30); while !text.is_char_boundary(a) { a -= 1; }
        let mut z = (m.span.end + 20).min(text.len()); while !text.is_char_boundary(z) { z += 1; }
        let (lo, hi) = m.value.as_ref().and_then(|v| v.bounds()).unwrap_or((None, None));
        println!("{:8} [{}] {:?}-{:?} {:?} {:?} {:?}   ...{}...", m.kind.as_str(), &text[m.span.start..m.span.end], lo, hi, m.unit, m.qualifier, m.noun, text[a..z].replace('\n', " "));
    }
}
