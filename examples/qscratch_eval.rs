// scratch: delete before handing back
use serde_json::Value as J;
fn main() {
    for p in std::env::args().skip(1) {
        let (mut tot, mut hit) = (0, 0);
        for line in std::fs::read_to_string(&p).unwrap().lines() {
            let r: J = serde_json::from_str(line).unwrap();
            let input = r["input"].as_str().unwrap();
            let ms = claimcheck::extract::quantity::scan(input);
            for e in r["expected"].as_array().unwrap() {
                let want: Option<f64> = e.get("resolution").and_then(|r| r.get("value")).and_then(|v| v.as_str()).map(|s| s.trim_end_matches('%')).and_then(|s| s.parse().ok()).or_else(|| e.get("value").and_then(|v| v.as_f64()));
                let Some(want) = want else { continue };
                let text = e.get("text").or(e.get("surface")).and_then(|t| t.as_str()).unwrap_or("");
                tot += 1;
                let ok = ms.iter().any(|m| {
                    let (lo, hi) = m.value.as_ref().and_then(|v| v.bounds()).unwrap_or((None, None));
                    let v = lo.unwrap_or(f64::NAN);
                    let unit = m.unit.clone().unwrap_or_default();
                    let cents = (unit == "USD" || unit == "GBP") && ((v * 100.0) - want).abs() < 1e-6;
                    (v - want).abs() < 1e-6 * want.abs().max(1.0) || cents || hi.is_some_and(|h| ((lo.unwrap_or(0.0)+h)/2.0 - want).abs() < 1e-6)
                });
                if ok { hit += 1 } else {
                    let got: Vec<String> = ms.iter().map(|m| format!("{}:{:?}={:?}", m.kind.as_str(), &input[m.span.start..m.span.end], m.value.as_ref().and_then(|v| v.bounds()).map(|b| b.0))).collect();
                    println!("  MISS {text:?} want {want} in {:?}\n       got {got:?}", &input[..input.len().min(120)]);
                }
            }
        }
        println!("{p}: {hit}/{tot}");
    }
}
