//! The top layer: the one store every screen derives from and its merges
//! (`store`), the backup file (`backup`), what a save of a file can truthfully
//! say (`saving`), and the quiz the page can start before the app arrives
//! (`early_start`, which reads the store), and what opening a learner's
//! result link or a trainer's session link does to the store (`opened_links`).

pub mod backup;
pub mod early_start;
pub mod opened_links;
pub mod saving;
pub mod store;
