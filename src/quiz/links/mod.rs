//! The app's addresses: reading a query string as chat apps deliver it
//! (`query`), a trainer's quiz and a learner's result as links (`link`),
//! every screen as a route (`route`), and QR codes (`qr_code`). Uses `text`.

pub mod link;
pub mod qr_code;
pub mod query;
pub mod route;
