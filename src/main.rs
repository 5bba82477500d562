use std::process::ExitCode;

fn main() -> ExitCode {
    match danhgia::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("danhgia: {}", danhgia::cli::error_line(&err));
            ExitCode::from(danhgia::cli::EXIT_FAILURE)
        }
    }
}
