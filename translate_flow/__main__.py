from translate_flow.cli.commands import main

main()
