//! Batch inputs: files, directories, standard input and NDJSON streams, read one item at a
//! time so that memory stays bounded whatever the size of the stream.

use lex_core::{Error, ErrorKind, Location};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One unit of work: a whole file, or one line of an NDJSON stream.
pub struct Item {
    /// `path`, `path:line` for NDJSON lines, `-` / `-:line` for standard input.
    pub name: String,
    /// The bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, Error>,
}

/// Where items come from.
enum Source {
    Whole(String),
    Lines(String),
}

/// True for files read as NDJSON streams (one message per line).
fn is_ndjson_path(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("ndjson" | "jsonl")
    )
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot list {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.is_file() {
            out.push(p);
        }
    }
    Ok(())
}

/// Expands the command-line arguments: directories are walked recursively (sorted, hidden
/// entries skipped); `.ndjson`/`.jsonl` files, and every input when `ndjson` is set, are read
/// line by line.
fn sources(args: &[String], ndjson: bool) -> Vec<Result<Source, (String, Error)>> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a != "-" && p.is_dir() {
            let mut files = Vec::new();
            match walk(p, &mut files) {
                Ok(()) => {
                    for f in files {
                        let name = f.display().to_string();
                        out.push(Ok(if ndjson || is_ndjson_path(&f) {
                            Source::Lines(name)
                        } else {
                            Source::Whole(name)
                        }));
                    }
                }
                Err(e) => out.push(Err((a.clone(), e))),
            }
        } else if ndjson || is_ndjson_path(p) {
            out.push(Ok(Source::Lines(a.clone())));
        } else {
            out.push(Ok(Source::Whole(a.clone())));
        }
    }
    out
}

fn open(name: &str) -> Result<Box<dyn Read + Send>, Error> {
    if name == "-" {
        Ok(Box::new(std::io::stdin()))
    } else {
        File::open(name)
            .map(|f| Box::new(f) as Box<dyn Read + Send>)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {name}: {e}")))
    }
}

fn read_whole(name: &str, max: usize) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    // Read one byte past the limit so that an oversized input is detected without reading it all.
    open(name)?
        .take(max as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {name}: {e}")))?;
    if buf.len() > max {
        return Err(Error::at(
            ErrorKind::SizeLimit,
            format!("input is larger than the limit of {max} bytes"),
            Location::at_offset(&buf, max),
        ));
    }
    Ok(buf)
}

/// Reads one line (without its terminator) into `line`, keeping at most `max` bytes; returns
/// `Ok(None)` at the end, `Ok(Some(true))` when the line was longer than `max` (the rest of it
/// is skipped), `Ok(Some(false))` otherwise.
fn read_line_bounded(
    r: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Option<bool>> {
    line.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(if any { Some(too_long) } else { None });
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if !too_long {
            if line.len() + chunk.len() > max {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(buf.len());
        r.consume(consumed);
        if done.is_some() {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(too_long));
        }
    }
}

/// Calls `f` for every item of every argument, in order. Blank NDJSON lines are skipped.
/// `max` is the largest accepted item (the readers' `max_input_bytes`).
pub fn for_each(args: &[String], ndjson: bool, max: usize, mut f: impl FnMut(Item)) {
    for src in sources(args, ndjson) {
        match src {
            Err((name, e)) => f(Item {
                name,
                bytes: Err(e),
            }),
            Ok(Source::Whole(name)) => {
                let bytes = read_whole(&name, max);
                f(Item { name, bytes });
            }
            Ok(Source::Lines(name)) => {
                let reader = match open(&name) {
                    Ok(r) => r,
                    Err(e) => {
                        f(Item {
                            name,
                            bytes: Err(e),
                        });
                        continue;
                    }
                };
                let mut r = BufReader::with_capacity(64 * 1024, reader);
                let mut line = Vec::new();
                let mut n = 0u64;
                loop {
                    n += 1;
                    match read_line_bounded(&mut r, &mut line, max) {
                        Ok(None) => break,
                        Ok(Some(too_long)) => {
                            if !too_long && line.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            let item_name = format!("{name}:{n}");
                            let bytes = if too_long {
                                Err(Error::at(
                                    ErrorKind::SizeLimit,
                                    format!("line is longer than the limit of {max} bytes"),
                                    Location {
                                        line: Some(n),
                                        ..Location::default()
                                    },
                                ))
                            } else {
                                Ok(std::mem::take(&mut line))
                            };
                            f(Item {
                                name: item_name,
                                bytes,
                            });
                        }
                        Err(e) => {
                            f(Item {
                                name: format!("{name}:{n}"),
                                bytes: Err(Error::new(
                                    ErrorKind::Io,
                                    format!("cannot read {name}: {e}"),
                                )),
                            });
                            break;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let data = b"ab\r\n\ncdefgh\nij";
        let mut r = BufReader::with_capacity(3, &data[..]);
        let mut line = Vec::new();
        let mut got = Vec::new();
        while let Some(long) = read_line_bounded(&mut r, &mut line, 4).unwrap() {
            got.push((String::from_utf8(line.clone()).unwrap(), long));
        }
        assert_eq!(
            got,
            [
                ("ab".to_string(), false),
                (String::new(), false),
                (String::new(), true),
                ("ij".to_string(), false)
            ]
        );
    }
}
