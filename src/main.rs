use std::process::ExitCode;

fn main() -> ExitCode {
    match danhgia::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("danhgia: {err:#}");
            ExitCode::from(danhgia::cli::EXIT_FAILURE)
        }
    }
}
