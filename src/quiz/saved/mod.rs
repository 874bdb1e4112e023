//! The top layer: the one store every screen derives from and its merges
//! (`store`), the backup file (`backup`), what a save of a file can truthfully
//! say (`saving`), and the quiz the page can start before the app arrives
//! (`early_start`, which reads the store).

pub mod backup;
pub mod early_start;
pub mod saving;
pub mod store;
