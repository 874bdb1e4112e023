fn main() {
    safeguarding_check::mount_soon();
}
