//! Small, panic-free helpers for reading lopdf objects.
//!
//! Untrusted files put anything anywhere: references where values are
//! expected, reals where integers are expected, reference chains and cycles.
//! Every access in the crate goes through these helpers so that a wrong type
//! or a dangling reference turns into `None` instead of an error path or a
//! panic, and reference chains are followed a bounded number of times.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// How many references in a row are followed before giving up (cycles).
const MAX_REF_HOPS: usize = 32;

static NULL: Object = Object::Null;

/// Follows references until a direct object is found (or `Null`).
pub(crate) fn resolve<'a>(doc: &'a Document, mut obj: &'a Object) -> &'a Object {
    for _ in 0..MAX_REF_HOPS {
        match obj {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(o) => obj = o,
                None => return &NULL,
            },
            _ => return obj,
        }
    }
    &NULL
}

/// Like [`resolve`], also returning the id of the last reference followed.
pub(crate) fn resolve_with_id<'a>(doc: &'a Document, mut obj: &'a Object) -> (Option<ObjectId>, &'a Object) {
    let mut last = None;
    for _ in 0..MAX_REF_HOPS {
        match obj {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(o) => {
                    last = Some(*id);
                    obj = o;
                }
                None => return (last, &NULL),
            },
            _ => return (last, obj),
        }
    }
    (last, &NULL)
}

/// A dictionary entry, resolved.
pub(crate) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let o = resolve(doc, dict.get(key).ok()?);
    if matches!(o, Object::Null) { None } else { Some(o) }
}

/// The dictionary of a dictionary or stream object.
pub(crate) fn as_dict(o: &Object) -> Option<&Dictionary> {
    match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(crate) fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

pub(crate) fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

pub(crate) fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    as_name(get(doc, dict, key)?)
}

pub(crate) fn as_name(o: &Object) -> Option<&[u8]> {
    match o {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// A number (integer or real) as `f64`; non-finite values are rejected.
pub(crate) fn as_num(o: &Object) -> Option<f64> {
    let v = match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    v.is_finite().then_some(v)
}

pub(crate) fn get_num(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    as_num(get(doc, dict, key)?)
}

/// A numeric array (each element resolved) of exactly `N` numbers.
pub(crate) fn num_array<const N: usize>(doc: &Document, o: &Object) -> Option<[f64; N]> {
    let Object::Array(a) = resolve(doc, o) else {
        return None;
    };
    if a.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, item) in out.iter_mut().zip(a) {
        *slot = as_num(resolve(doc, item))?;
    }
    Some(out)
}

/// Strips a subset prefix (`ABCDEF+Arial` -> `Arial`).
pub(crate) fn strip_subset(name: &[u8]) -> &[u8] {
    match name.get(6) {
        Some(b'+') if name.iter().take(6).all(u8::is_ascii_uppercase) => name.get(7..).unwrap_or(&[]),
        _ => name,
    }
}
