fn main() {
    safeguarding_check::mount();
}
