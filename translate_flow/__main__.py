from translate_flow.cli import main

main()
